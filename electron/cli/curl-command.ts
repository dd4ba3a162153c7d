import { CURL_DEFAULT_DATA_TYPE, parseCurl, type CurlBody } from '../../shared/curl';
import type { CliCommand } from './args';
import { readInputFile } from './import-command';
import type { CliIo } from './run-command';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function bodyJson(body: CurlBody) {
  switch (body.mode) {
    case 'none':
      return { mode: 'none' };
    case 'raw':
      return { mode: 'raw', text: body.text };
    case 'form-urlencoded':
    case 'multipart':
      return { mode: body.mode, fields: body.fields };
  }
}

/** `lantern curl [file|-] --json`: the request a cURL command describes. */
export async function describeCurl(
  options: Extract<CliCommand, { command: 'curl' }>,
  io: CliIo,
  stdin: () => Promise<string> = readStdin,
): Promise<number> {
  const text = options.file === undefined ? await stdin() : await readInputFile(options.file);
  const parsed = parseCurl(text);
  if (!parsed.ok) {
    io.err(`lantern: ${parsed.error}\n`);
    return 1;
  }
  const { request, warnings } = parsed;
  for (const warning of warnings) io.err(`lantern: ${warning}\n`);
  const headers = [...request.headers];
  if (request.auth) {
    const basic = Buffer.from(`${request.auth.username}:${request.auth.password}`).toString('base64');
    headers.push({ name: 'Authorization', value: `Basic ${basic}` });
  }
  // curl sends a type with a data body even when the command names none: say so, as a header.
  const type = request.body.mode === 'raw' ? (request.body.contentType ?? CURL_DEFAULT_DATA_TYPE) : undefined;
  if (type && !headers.some((h) => h.name.toLowerCase() === 'content-type'))
    headers.push({ name: 'Content-Type', value: type });
  if (options.json) {
    const described = { method: request.method, url: request.url, headers, body: bodyJson(request.body) };
    io.out(`${JSON.stringify(described, null, 2)}\n`);
  } else {
    io.out(`${request.method} ${request.url}\n${headers.map((h) => `${h.name}: ${h.value}`).join('\n')}\n`);
    const body = bodyJson(request.body);
    if ('text' in body) io.out(`\n${body.text}\n`);
  }
  return 0;
}

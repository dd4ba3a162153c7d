import { quoteBash } from '../../curl';
import type { PreparedRequest } from './prepare';

/** HTTPie (3.2 or later for `--raw`), for bash-like shells. */
export function httpieSnippet(request: PreparedRequest): string {
  const { body } = request;
  const args: string[] = [];
  if (body.mode === 'form') args.push('--form');
  if (body.mode === 'multipart') args.push('--multipart');
  if (request.basic) args.push(`--auth ${quoteBash(`${request.basic.username}:${request.basic.password}`)}`);
  args.push(request.method, quoteBash(request.url));
  // `Name:value` is a header item; `\:` would escape a colon in the name, which HTTP forbids anyway.
  for (const h of request.headers)
    args.push(quoteBash(h.value === '' ? `${h.name};` : `${h.name}:${h.value}`));
  if (body.mode === 'text') args.push(`--raw ${quoteBash(body.text)}`);
  if (body.mode === 'form') for (const f of body.fields) args.push(quoteBash(`${f.name}=${f.value}`));
  if (body.mode === 'multipart') {
    for (const f of body.fields) {
      const type = f.kind === 'file' && f.contentType ? `;type=${f.contentType}` : '';
      args.push(quoteBash(f.kind === 'text' ? `${f.name}=${f.value}` : `${f.name}@${f.path}${type}`));
    }
  }
  const separator = args.length >= 3 ? ' \\\n  ' : ' ';
  const command = `http ${args.join(separator)}`;
  return body.mode === 'file' ? `${command}${separator}< ${quoteBash(body.path)}` : command;
}

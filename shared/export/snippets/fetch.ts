import { baseName, type PreparedRequest } from './prepare';
import { prettyJson, singleQuoted as q } from './quote';

/** Stands for the Basic header, which the code computes with `btoa`. */
const BASIC = '\u0000basic';

/** JavaScript `fetch` (Node 20+ or a browser; file uploads use Node's `openAsBlob`). */
export function fetchSnippet(request: PreparedRequest): string {
  const { body } = request;
  const lines: string[] = [];
  const usesFiles =
    body.mode === 'file' || (body.mode === 'multipart' && body.fields.some((f) => f.kind === 'file'));
  if (usesFiles) lines.push("import { openAsBlob } from 'node:fs';", '');
  const headers = [...request.headers];
  if (request.basic) {
    lines.push(`const credentials = btoa(${q(`${request.basic.username}:${request.basic.password}`)});`);
    headers.push({ name: 'Authorization', value: BASIC });
  }
  if (body.mode === 'multipart') {
    lines.push('const form = new FormData();');
    for (const field of body.fields) {
      if (field.kind === 'text') lines.push(`form.append(${q(field.name)}, ${q(field.value)});`);
      else {
        const type = field.contentType ? `, { type: ${q(field.contentType)} }` : '';
        lines.push(
          `form.append(${q(field.name)}, await openAsBlob(${q(field.path)}${type}), ${q(baseName(field.path))});`,
        );
      }
    }
  }
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  const options: string[] = [`  method: ${q(request.method)},`];
  if (headers.length > 0) {
    options.push('  headers: {');
    for (const h of headers) {
      const value = h.value === BASIC ? '`Basic ${credentials}`' : q(h.value);
      options.push(`    ${q(h.name)}: ${value},`);
    }
    options.push('  },');
  }
  if (body.mode === 'text') {
    const pretty = body.json ? prettyJson(body.text, '  ') : undefined;
    options.push(pretty ? `  body: JSON.stringify(${pretty}),` : `  body: ${q(body.text)},`);
  } else if (body.mode === 'form') {
    const pairs = body.fields.map((f) => `[${q(f.name)}, ${q(f.value)}]`).join(', ');
    options.push(`  body: new URLSearchParams([${pairs}]),`);
  } else if (body.mode === 'multipart') options.push('  body: form,');
  else if (body.mode === 'file') options.push(`  body: await openAsBlob(${q(body.path)}),`);
  lines.push(
    `const response = await fetch(${q(request.url)}, {`,
    ...options,
    '});',
    '',
    'console.log(response.status, await response.text());',
  );
  return lines.join('\n');
}

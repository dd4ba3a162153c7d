import { baseName, type PreparedRequest } from './prepare';
import { singleQuoted as q } from './quote';

const SHORTHANDS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Python with the `requests` library. Bodies are sent as written (`data=`), never re-encoded. */
export function pythonSnippet(request: PreparedRequest): string {
  const { body } = request;
  const call = SHORTHANDS.has(request.method)
    ? `requests.${request.method.toLowerCase()}(`
    : `requests.request(${q(request.method)}, `;
  const args: string[] = [`    ${q(request.url)},`];
  if (request.headers.length > 0) {
    args.push(
      '    headers={',
      ...request.headers.map((h) => `        ${q(h.name)}: ${q(h.value)},`),
      '    },',
    );
  }
  if (request.basic) args.push(`    auth=(${q(request.basic.username)}, ${q(request.basic.password)}),`);
  if (body.mode === 'text') args.push(`    data=${q(body.text)},`);
  if (body.mode === 'form') {
    args.push('    data=[', ...body.fields.map((f) => `        (${q(f.name)}, ${q(f.value)}),`), '    ],');
  }
  if (body.mode === 'multipart') {
    const texts = body.fields.flatMap((f) =>
      f.kind === 'text' ? [`        (${q(f.name)}, ${q(f.value)}),`] : [],
    );
    const files = body.fields.flatMap((f) =>
      f.kind === 'file'
        ? [
            `        (${q(f.name)}, (${q(baseName(f.path))}, open(${q(f.path)}, 'rb')${f.contentType ? `, ${q(f.contentType)}` : ''})),`,
          ]
        : [],
    );
    if (texts.length > 0) args.push('    data=[', ...texts, '    ],');
    if (files.length > 0) args.push('    files=[', ...files, '    ],');
  }
  if (body.mode === 'file') args.push(`    data=open(${q(body.path)}, 'rb'),`);
  return [
    'import requests',
    '',
    `response = ${call}`,
    ...args,
    ')',
    '',
    'print(response.status_code, response.text)',
  ].join('\n');
}

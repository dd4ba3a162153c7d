import type { HeaderRow } from '../model/request';
import type { AuthOutcome } from './auth-outcome';
import { capitalise, isTemplateOnly, type FoundAuth, type ImportContext } from './import-context';

function usernameOf(basic: string): string {
  try {
    const decoded = atob(basic.trim());
    return decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : '';
  } catch {
    return '';
  }
}

/**
 * An Authorization header typed with a literal token is a secret sitting in the request.
 * Bearer and Basic ones become credentials (their secret left out); `Bearer {{token}}`
 * holds no secret and stays a header.
 */
export function liftAuthorizationHeader(
  headers: HeaderRow[],
  outcome: AuthOutcome,
  ctx: ImportContext,
  where: string,
): { headers: HeaderRow[]; outcome: AuthOutcome } {
  const index = headers.findIndex((h) => h.enabled && h.name.trim().toLowerCase() === 'authorization');
  const header = headers[index];
  if (!header) return { headers, outcome };
  const match = /^\s*(\S+)\s*(.*)$/s.exec(header.value);
  const scheme = (match?.[1] ?? '').toLowerCase();
  const secret = match?.[2] ?? '';
  if (secret === '' || isTemplateOnly(secret) || isTemplateOnly(header.value)) return { headers, outcome };
  let found: FoundAuth | undefined;
  if (scheme === 'bearer') found = { kind: 'bearer', fields: {}, secrets: [secret] };
  if (scheme === 'basic')
    found = { kind: 'basic', fields: { username: usernameOf(secret) }, secrets: [secret] };
  if (!found) {
    ctx.skip(
      `The Authorization header of ${where} holds a literal ${match?.[1] ?? ''} credential. It was kept as` +
        ' typed: move it into a variable marked secret before sharing the collection.',
    );
    return { headers, outcome };
  }
  const rest = headers.filter((_, i) => i !== index);
  if (outcome.kind === 'found') {
    ctx.skip(
      `${capitalise(where)} has its own auth and also an Authorization header with a literal value;` +
        ' the header was left out.',
    );
    return { headers: rest, outcome };
  }
  ctx.skip(
    `The Authorization header of ${where} held a ${match?.[1] ?? ''} credential: it became the` +
      " request's auth, and its secret was left out. Enter it again in Lantern.",
  );
  return { headers: rest, outcome: { kind: 'found', found } };
}

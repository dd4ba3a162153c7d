import type { RequestAuth } from '../model/auth';
import { capitalise, type FoundAuth, type ImportContext } from './import-context';

/**
 * What a source said about auth at one level: nothing (inherit), explicitly none,
 * a supported scheme, or a scheme Lantern cannot send (reported, imported as none).
 */
export type AuthOutcome =
  | { kind: 'absent' }
  | { kind: 'none' }
  | { kind: 'found'; found: FoundAuth }
  | { kind: 'unsupported'; scheme: string };

/** Names of the schemes other tools offer that Lantern does not send (yet). */
const SCHEME_NAMES: Record<string, string> = {
  digest: 'Digest',
  hawk: 'Hawk',
  awsv4: 'AWS Signature',
  iam: 'AWS IAM',
  ntlm: 'NTLM',
  oauth1: 'OAuth 1.0',
  akamai: 'Akamai EdgeGrid',
  edgegrid: 'Akamai EdgeGrid',
  asap: 'Atlassian ASAP',
  jwt: 'JWT Bearer',
  netrc: 'netrc',
};

export const schemeName = (scheme: string): string => SCHEME_NAMES[scheme.toLowerCase()] ?? scheme;

function resolve(outcome: AuthOutcome, ctx: ImportContext, where: string): RequestAuth | undefined {
  if (outcome.kind === 'found') return ctx.credential(outcome.found, where);
  if (outcome.kind === 'unsupported') {
    ctx.skip(
      `${capitalise(where)} uses ${schemeName(outcome.scheme)} auth, which Lantern cannot send, so it was` +
        ' imported without auth. Choose another auth for it, or add the header it needs by hand.',
    );
  }
  return undefined;
}

/** A request without its own auth inherits its folder's; "none" in the source stops that. */
export function requestAuth(
  outcome: AuthOutcome,
  ctx: ImportContext,
  where: string,
): { auth: RequestAuth; inheritAuth: boolean } {
  if (outcome.kind === 'absent') return { auth: { type: 'none' }, inheritAuth: true };
  return { auth: resolve(outcome, ctx, where) ?? { type: 'none' }, inheritAuth: false };
}

/** A folder's auth: absent when it sets none of its own, `none` when it explicitly turns auth off. */
export function folderAuth(outcome: AuthOutcome, ctx: ImportContext, where: string): RequestAuth | undefined {
  if (outcome.kind === 'absent') return undefined;
  return resolve(outcome, ctx, where) ?? { type: 'none' };
}

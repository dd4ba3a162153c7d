import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LanternError } from '../../../shared/model/result';
import { maskSecret, secretReference, type CredentialSummary } from '../../../shared/model/auth';
import { VaultBackedRecords } from '../vault/vault-backed-records';
import type { Vault } from '../vault/vault';
import {
  kindNames,
  publicFields,
  kindOf,
  secretField,
  secretOf,
  validateCredential,
  type Credential,
  type CredentialKind,
} from './credential-input';
import {
  browserSessionPieces,
  browserSessionPreview,
  browserSessionRevealed,
  encodeBrowserSession,
} from './browser-session-secret';

export { secretOf, validateCredential, type Credential, type CredentialKind };

type StoredCredential = { id: string; kind: CredentialKind; label: string } & Record<string, unknown>;
const storedSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(Object.keys(secretField) as CredentialKind[]),
    label: z.string(),
  })
  .loose()
  // A hand-edited file is checked as strictly as a form: a bad token URL is reported, not used.
  .superRefine((stored, context) => {
    const parsed = publicFields[stored.kind].safeParse(stored);
    for (const issue of parsed.error?.issues ?? [])
      context.addIssue({ code: 'custom', message: issue.message });
  }) as unknown as z.ZodType<StoredCredential>;

/** The `{{variable}}` a credential takes its secret from (a browser session never does). */
function referenceOf(credential: { kind: CredentialKind } & Record<string, unknown>): string | undefined {
  const value = credential[secretField[credential.kind]];
  return credential.kind === 'browserSession' || typeof value !== 'string'
    ? undefined
    : secretReference(value);
}

/** What credentials.json holds: the non-secret fields, and a `{{variable}}` reference, which is no secret. */
function storedOf(credential: Credential): StoredCredential {
  const reference = referenceOf(credential);
  if (reference === undefined) return withoutSecret(credential);
  return { ...withoutSecret(credential), [secretField[credential.kind]]: reference };
}

function withoutSecret(credential: Credential): StoredCredential {
  const { [secretField[credential.kind]]: _secret, ...rest } = credential as unknown as Record<
    string,
    unknown
  >;
  return rest as StoredCredential;
}

const withSecret = (stored: StoredCredential, secret: string) =>
  ({ ...stored, [secretField[stored.kind]]: secret }) as Credential;

function detailsOf(credential: Credential): [string, string][] {
  switch (credential.kind) {
    case 'oauth2':
      return [
        ['Token URL', credential.tokenUrl],
        ['Client id', credential.clientId],
        [
          'Client authentication',
          credential.clientAuth === 'body' ? 'secret in the form body' : 'HTTP Basic',
        ],
        ...(credential.scope ? ([['Scope', credential.scope]] as [string, string][]) : []),
      ];
    case 'session':
      return [
        ['Login URL', credential.loginUrl],
        ['Username', credential.username],
        ['CSRF header', credential.csrfHeader],
      ];
    case 'basic':
      return [['Username', credential.username]];
    case 'browserSession':
      return [
        ['Site', credential.siteUrl],
        ['CSRF header', credential.csrfHeader],
        ['Renewal', 'none: paste a fresh "Copy as cURL" when the browser session ends'],
      ];
    default:
      return [];
  }
}

export interface CredentialPersistence {
  /** The app's data folder: credentials.json goes there. */
  dir: string;
  vault: Vault;
}

const unknownCredential = (id: string) =>
  new LanternError(
    'auth.unknown-credential',
    `The request uses a credential (id "${id}") that Lantern does not have. Pick another credential in the Auth tab, or create it again.`,
  );

/**
 * The main side's credentials, by id. Secret values never leave this module except to build a
 * request or on an explicit reveal; the renderer sees summaries with masked previews. With
 * persistence, non-secret fields go to `<dir>/credentials.json` and each secret to the vault as
 * `credential:<id>`; transient credentials (the sandbox samples) stay in memory only.
 */
export class CredentialStore {
  private readonly transient = new Map<string, Credential>();
  private readonly saved: VaultBackedRecords<StoredCredential> | undefined;

  constructor(persistence?: CredentialPersistence) {
    this.saved =
      persistence &&
      new VaultBackedRecords({
        ...persistence,
        name: 'credentials',
        what: 'saved credentials',
        schema: storedSchema,
        prefix: 'credential',
      });
  }

  /** Reads credentials.json. Never throws for a bad file or vault: see `problems()`. */
  async load(): Promise<void> {
    await this.saved?.load();
  }

  /** Why saved credentials cannot be read or changed, in plain words; empty when all is well. */
  problems(): string[] {
    return this.saved?.problems() ?? [];
  }

  /** @deprecated Use `putTransient`: `put` never persisted and still does not. */
  put(credential: Credential): void {
    this.putTransient(credential);
  }

  /** For this session only (the sandbox samples): never written to disk. */
  /** The in-memory credentials (the sample's, tests'), to carry over into a store opened later. */
  transientCredentials(): Credential[] {
    return [...this.transient.values()];
  }

  putTransient(credential: Credential): void {
    this.transient.set(credential.id, credential);
  }

  /**
   * Writes a credential held in memory (the sandbox's demo clients) to the vault as well, so a
   * process that reads only the vault (`lantern run`) finds it.
   */
  async persist(id: string): Promise<void> {
    const credential = this.transient.get(id);
    if (!credential) throw unknownCredential(id);
    if (!this.saved)
      throw new LanternError(
        'vault.unavailable',
        'The vault is not open yet, so nothing can be kept in it. Try again.',
      );
    this.saved.ensureWritable();
    await this.saved.save(storedOf(credential), referenceOf(credential) ? '' : secretOf(credential));
  }

  get(id: string): Credential {
    const credential = this.transient.get(id);
    if (credential) return credential;
    const stored = this.saved?.record(id);
    if (!this.saved || !stored) throw unknownCredential(id);
    // The secret comes from a variable when a request is sent: nothing to read from the vault.
    if (referenceOf(stored) !== undefined) return stored as unknown as Credential;
    const secret = this.saved.secret(id);
    if (secret !== undefined) return withSecret(stored, secret);
    const [problem] = this.saved.problems();
    if (problem)
      throw new LanternError(
        'vault.unavailable',
        `The credential "${stored.label}" cannot be used. ${problem}`,
      );
    throw new LanternError(
      'auth.secret-missing',
      `The secret of the credential "${stored.label}" is not in the vault (the vault may have been reset). Edit the credential and enter the secret again.`,
    );
  }

  /** The secret itself: callers must only do this on the user's explicit request. */
  reveal(id: string): string {
    const credential = this.get(id);
    if (credential.kind === 'browserSession')
      return browserSessionRevealed(credential.session, credential.csrfHeader);
    return secretOf(credential);
  }

  /** Creates (no id) or updates the credential of a browser session read from a pasted cURL. */
  async saveBrowserSession(input: {
    id?: string;
    label: string;
    siteUrl: string;
    csrfHeader: string;
    cookie: string;
    csrfToken: string;
  }): Promise<CredentialSummary> {
    if (input.id !== undefined) {
      const current = this.transient.get(input.id) ?? this.saved?.record(input.id);
      if (current && current.kind !== 'browserSession') {
        throw new LanternError(
          'credential.invalid',
          `"${current.label}" is a ${kindNames[current.kind]} credential: a pasted browser session cannot replace it. Create a new credential instead.`,
        );
      }
    }
    return this.save({
      ...(input.id !== undefined ? { id: input.id } : {}),
      kind: 'browserSession',
      label: input.label,
      fields: { siteUrl: input.siteUrl, csrfHeader: input.csrfHeader },
      secret: encodeBrowserSession({ cookie: input.cookie, csrfToken: input.csrfToken }),
    });
  }

  /** Validates and keeps a new credential (saved when the store has persistence). */
  async create(input: unknown): Promise<CredentialSummary> {
    return this.keep(validateCredential(`cred-${randomUUID()}`, input), !this.saved);
  }

  /** Changes some fields; a secret left undefined keeps the stored one. The kind cannot change. */
  async update(id: string, patch: unknown): Promise<CredentialSummary> {
    const transient = this.transient.get(id);
    const current = transient ?? this.saved?.record(id);
    if (!current) throw unknownCredential(id);
    if (typeof patch !== 'object' || patch === null)
      throw new LanternError('credential.invalid', 'Nothing to change.');
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if ('kind' in changes && changes.kind !== current.kind) {
      throw new LanternError(
        'credential.invalid',
        `A credential's kind cannot be changed (this one is ${kindNames[current.kind]}). Create a new credential instead.`,
      );
    }
    if (transient) return this.keep(validateCredential(id, { ...transient, ...changes }), true);
    this.saved!.ensureWritable();
    const secret = { [secretField[current.kind]]: referenceOf(current) ?? this.saved!.secret(id) };
    return this.keep(validateCredential(id, { ...current, ...secret, ...changes }), false);
  }

  /**
   * The credential dialog's shape: non-secret `fields` by name and the secret apart (undefined
   * keeps the stored one). Creates when `id` is absent.
   */
  async save(input: {
    id?: string;
    kind: string;
    label: string;
    fields: Record<string, string>;
    secret?: string;
  }): Promise<CredentialSummary> {
    const kind = kindOf(input);
    // A field named like the secret must not slip a secret in (or out) through `fields`.
    const { [secretField[kind]]: _ignored, ...fields } = input.fields;
    const credential = { ...fields, kind, label: input.label, [secretField[kind]]: input.secret };
    return input.id === undefined ? this.create(credential) : this.update(input.id, credential);
  }

  /** The non-secret fields of a credential as the dialog edits them: never its secret. */
  editableFields(id: string): Record<string, string> {
    const current = this.transient.get(id) ?? this.saved?.record(id);
    if (!current) throw unknownCredential(id);
    const {
      id: _id,
      kind,
      label: _label,
      [secretField[kind]]: _secret,
      ...fields
    } = current as StoredCredential;
    return Object.fromEntries(
      Object.entries(fields).filter(([, value]) => typeof value === 'string'),
    ) as Record<string, string>;
  }

  /** Resolves to whether there was such a credential. */
  async remove(id: string): Promise<boolean> {
    if (this.transient.delete(id)) return true;
    return (await this.saved?.remove(id)) ?? false;
  }

  summaries(): CredentialSummary[] {
    const byId = new Map<string, CredentialSummary>();
    for (const stored of this.saved?.list() ?? []) {
      if (referenceOf(stored) !== undefined) {
        byId.set(stored.id, summaryOf(stored as unknown as Credential));
        continue;
      }
      const secret = this.saved?.secret(stored.id);
      const summary = summaryOf(withSecret(stored, secret ?? ''));
      byId.set(stored.id, secret === undefined ? { ...summary, secretPreview: 'not available' } : summary);
    }
    for (const credential of this.transient.values()) byId.set(credential.id, summaryOf(credential));
    return [...byId.values()];
  }

  /** Every secret value held, for masking anything that might echo one back. */
  allSecrets(): string[] {
    const saved = (this.saved?.list() ?? []).flatMap((stored) =>
      secretPieces(stored.kind, this.saved?.secret(stored.id) ?? ''),
    );
    const transient = [...this.transient.values()]
      .filter((c) => referenceOf(c) === undefined)
      .flatMap((c) => secretPieces(c.kind, secretOf(c)));
    return [...transient, ...saved].filter((secret) => secret !== '');
  }

  private async keep(credential: Credential, inMemory: boolean): Promise<CredentialSummary> {
    if (inMemory) this.transient.set(credential.id, credential);
    // A reference replaces any secret the vault held for this credential.
    else await this.saved!.save(storedOf(credential), referenceOf(credential) ? '' : secretOf(credential));
    return summaryOf(credential);
  }
}

/** A browser session's vault entry holds several secrets: each is masked on its own. */
function secretPieces(kind: CredentialKind, secret: string): string[] {
  if (secret === '') return [];
  return kind === 'browserSession' ? browserSessionPieces(secret) : [secret];
}

function summaryOf(credential: Credential): CredentialSummary {
  const reference = referenceOf(credential);
  return {
    id: credential.id,
    kind: credential.kind,
    label: credential.label,
    details: detailsOf(credential),
    secretPreview:
      reference !== undefined
        ? `from ${reference}`
        : credential.kind === 'browserSession'
          ? browserSessionPreview(credential.session)
          : maskSecret(secretOf(credential)),
    fields: nonSecretFields(credential),
    ...(reference !== undefined ? { secretReference: reference } : {}),
  };
}

/** The string fields a dialog edits: everything but the id, kind, label and the secret. */
function nonSecretFields(credential: Credential): Record<string, string> {
  const { id: _id, kind, label: _label, ...rest } = credential as Credential & Record<string, unknown>;
  const { [secretField[kind]]: _secret, ...fields } = rest;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

import { LanternError } from '../../../shared/model/result';
import type { Vault } from './vault';

/**
 * Secret variable values in the vault, grouped by scope: one scope per environment or folder,
 * one entry per variable under `<scope>:<name>` (e.g. `env:<environmentId>:token`,
 * `ws-env:<workspaceId>:<fileId>:token`). Variable names never hold a `:`, so an entry belongs to
 * exactly one scope even when an id contains one.
 */
export class SecretScopes {
  constructor(private readonly vault: Vault) {}

  /** Plain words (what, why, what to do) when the vault cannot be read or written; else undefined. */
  get problem(): string | undefined {
    const status = this.vault.status;
    return status.ok ? undefined : status.problem;
  }

  /** The values stored under a scope, by variable name. */
  values(scope: string): Map<string, string> {
    const prefix = `${scope}:`;
    const found = new Map<string, string>();
    for (const id of this.vault.ids()) {
      const name = id.slice(prefix.length);
      if (!id.startsWith(prefix) || name.includes(':')) continue;
      found.set(name, this.vault.get(id) as string);
    }
    return found;
  }

  /** Makes the scope hold exactly `values` (entries for other names are removed), in one write. */
  async replace(scope: string, values: ReadonlyMap<string, string>, what: string): Promise<void> {
    const current = this.values(scope);
    const stale = [...current.keys()].filter((name) => !values.has(name));
    const changed = [...values].filter(([name, value]) => current.get(name) !== value);
    if (stale.length === 0 && changed.length === 0) return;
    this.ensureWritable(what);
    await this.vault.apply({
      set: Object.fromEntries(changed.map(([name, value]) => [`${scope}:${name}`, value])),
      delete: stale.map((name) => `${scope}:${name}`),
    });
  }

  /** Moves every value of one scope to another (a renamed file), replacing what the target held. */
  async move(from: string, to: string, what: string): Promise<void> {
    const moving = this.values(from);
    if (moving.size === 0) return;
    this.ensureWritable(what);
    const target = this.values(to);
    await this.vault.apply({
      set: Object.fromEntries([...moving].map(([name, value]) => [`${to}:${name}`, value])),
      delete: [
        ...[...moving.keys()].map((name) => `${from}:${name}`),
        ...[...target.keys()].filter((name) => !moving.has(name)).map((name) => `${to}:${name}`),
      ],
    });
  }

  /** Removes the scopes' values; resolves to what was removed, so an undo can put it back. */
  async remove(scopes: readonly string[], what: string): Promise<Map<string, Map<string, string>>> {
    const removed = new Map<string, Map<string, string>>();
    for (const scope of scopes) {
      const values = this.values(scope);
      if (values.size > 0) removed.set(scope, values);
    }
    if (removed.size === 0) return removed;
    this.ensureWritable(what);
    await this.vault.apply({
      delete: [...removed].flatMap(([scope, values]) => [...values.keys()].map((name) => `${scope}:${name}`)),
    });
    return removed;
  }

  /** Puts back what `remove` returned. */
  async restore(removed: ReadonlyMap<string, ReadonlyMap<string, string>>, what: string): Promise<void> {
    if (removed.size === 0) return;
    this.ensureWritable(what);
    const set: Record<string, string> = {};
    for (const [scope, values] of removed)
      for (const [name, value] of values) set[`${scope}:${name}`] = value;
    await this.vault.apply({ set });
  }

  /** Every value whose entry id starts with `prefix` (for masking). */
  valuesUnder(prefix: string): string[] {
    return this.idsUnder(prefix).map((id) => this.vault.get(id) as string);
  }

  /** Every entry id starting with `prefix` (for sweeping entries nothing refers to any more). */
  idsUnder(prefix: string): string[] {
    return this.vault.ids().filter((id) => id.startsWith(prefix));
  }

  async deleteIds(ids: readonly string[], what: string): Promise<void> {
    if (ids.length === 0) return;
    this.ensureWritable(what);
    await this.vault.apply({ delete: [...ids] });
  }

  private ensureWritable(what: string): void {
    const problem = this.problem;
    if (problem !== undefined) {
      throw new LanternError(
        'vault.unavailable',
        `${what} cannot be saved now: their values live in the vault, and the vault cannot be used. ${problem}`,
      );
    }
  }
}

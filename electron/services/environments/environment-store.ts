import { randomUUID } from 'node:crypto';
import {
  isValidVariableName,
  type TemplateScope,
  type TemplateVariable,
  type VariableLayer,
} from '../../../shared/template/index';
import { maskSecret } from '../../../shared/model/auth';
import {
  GLOBAL_ENVIRONMENT_ID,
  type EnvironmentLocation,
  type EnvironmentSummary,
  type SaveEnvironmentInput,
} from '../../../shared/model/environment';
import { LanternError } from '../../../shared/model/result';
import type { EnvironmentFile } from './environment-file';
import { keepSecretValues, type StoredVariable } from './keep-secret-values';
import { missingSecretsProblem, secretLayer, withoutMissing } from './secret-layers';
import type { SecretScopes } from '../vault/secret-scopes';

/** Where an environment that is not the app's own lives (a workspace file), and how to change it. */
export interface EnvironmentOwner {
  /** Saves the variables (secret values real, not masked); the owner registers the result again. */
  save(name: string, variables: StoredVariable[], missing: ReadonlySet<string>): Promise<void>;
  delete(): Promise<void>;
}

/**
 * Where new environments go while a workspace is open: its `environments/` folder, so that a clone
 * of it (and `lantern run` on one) has them too. Returns the new environment's id.
 */
export interface NewEnvironmentHome {
  create(name: string, variables: StoredVariable[]): Promise<string>;
}

export interface Environment {
  id: string;
  name: string;
  variables: StoredVariable[];
  /** Built in (the sample's) or owned elsewhere: not saved to the app's file. */
  transient?: boolean;
  owner?: EnvironmentOwner;
  /** Where an owned environment is kept (a workspace file), said in the switcher. */
  location?: EnvironmentLocation;
  /** Secret variables whose value the vault does not hold (or cannot give): never sent as ''. */
  missing?: ReadonlySet<string>;
}

/** A collection run's own variables, around the values captured in the run (README "lantern run"). */
export interface RunLayers {
  /** `--env-var` and `LANTERN_VAR_…`: above everything, captures included. */
  overrides?: VariableLayer;
  /** The iteration's data row: below the values captured in the run, above folders and environments. */
  data?: VariableLayer;
}

/** Variables a saved request gets from its folders, on the main side (secret values included). */
export interface RequestVariables {
  layersFor(savedRequestId: string): VariableLayer[];
  secretValues(): string[];
}

const GLOBAL_ID = GLOBAL_ENVIRONMENT_ID;
/** The vault scope of an app environment's secrets: `env:<id>:<variable name>`. */
export const appEnvironmentScope = (id: string) => `env:${id}`;

/**
 * Environments on the main side. The globals always exist; every send resolves against the
 * chosen environment first, then the globals. Secret values live in the vault (once `useVault`
 * ran) and are masked in every summary.
 */
export class EnvironmentStore {
  private readonly byId = new Map<string, Environment>();
  private secrets: SecretScopes | undefined;
  private requestVariables: RequestVariables | undefined;
  private newHome: NewEnvironmentHome | undefined;
  /** Values captured "for this run" (issue 15 §2): kept in memory for the session or the CLI run. */
  private readonly runVariables = new Map<string, TemplateVariable>();

  constructor(private readonly file?: EnvironmentFile) {
    this.byId.set(GLOBAL_ID, { id: GLOBAL_ID, name: 'Globals', variables: [] });
    for (const environment of file?.load() ?? []) this.byId.set(environment.id, environment);
  }

  /**
   * Fills secret values in from the vault, then removes vault entries no saved environment refers
   * to (left by a delete while the vault was unreadable) unless `sweep` is false (`lantern run`
   * never writes the vault). Never throws: see `summary().problem`.
   */
  async useVault(secrets: SecretScopes, { sweep = true }: { sweep?: boolean } = {}): Promise<void> {
    this.secrets = secrets;
    const keep = new Set<string>();
    for (const environment of this.byId.values()) {
      if (environment.transient) continue;
      const stored = secrets.values(appEnvironmentScope(environment.id));
      const missing = new Set<string>();
      for (const variable of environment.variables) {
        if (!variable.secret) continue;
        const value = stored.get(variable.name);
        if (value === undefined) missing.add(variable.name);
        else variable.value = value;
        keep.add(`${appEnvironmentScope(environment.id)}:${variable.name}`);
      }
      environment.missing = missing;
    }
    if (!sweep || secrets.problem !== undefined || this.file === undefined || this.file.problem !== undefined)
      return;
    const orphans = secrets.idsUnder('env:').filter((id) => !keep.has(id));
    await secrets.deleteIds(orphans, 'Secret variables').catch(() => undefined);
  }

  /** Main-side variables of saved requests (their folders'), consulted before the environment. */
  useRequestVariables(source: RequestVariables): void {
    this.requestVariables = source;
  }

  /** New environments go to this home (the open workspace) from now on; undefined: the app's file. */
  useNewHome(home: NewEnvironmentHome | undefined): void {
    this.newHome = home;
  }

  /** Registers a built-in environment (kept in memory only). */
  putTransient(environment: Omit<Environment, 'transient'>): void {
    this.byId.set(environment.id, { ...environment, transient: true });
  }

  /** Replaces every environment whose id starts with `prefix` (a workspace's) with `environments`. */
  replaceOwned(prefix: string, environments: Omit<Environment, 'transient'>[]): void {
    for (const id of [...this.byId.keys()]) if (id.startsWith(prefix)) this.byId.delete(id);
    for (const environment of environments)
      this.byId.set(environment.id, { ...environment, transient: true });
  }

  summaries(): EnvironmentSummary[] {
    return [...this.byId.values()].map((environment) => this.summary(environment));
  }

  summary(environment: Environment): EnvironmentSummary {
    const problem = missingSecretsProblem(environment, this.secrets?.problem);
    return {
      id: environment.id,
      name: environment.name,
      builtIn: Boolean(environment.transient) && environment.owner === undefined,
      location:
        environment.location ??
        (environment.transient && environment.owner === undefined ? { kind: 'built-in' } : { kind: 'app' }),
      variables: environment.variables.map((v) => ({
        ...v,
        value: v.secret ? maskSecret(v.value) : v.value,
      })),
      ...(problem === undefined ? {} : { problem }),
    };
  }

  async save(input: SaveEnvironmentInput): Promise<EnvironmentSummary> {
    const existing = input.id ? this.byId.get(input.id) : undefined;
    if (input.id && !existing)
      throw new LanternError('environment.unknown', `There is no environment with id "${input.id}" to save.`);
    if (existing?.transient && !existing.owner) {
      throw new LanternError(
        'environment.built-in',
        `"${existing.name}" is built in and cannot be edited. Create your own environment instead.`,
      );
    }
    checkNames(input.variables);
    const name = input.name.trim();
    // A secret left as its masked preview keeps its stored value: the renderer never had it.
    const variables = keepSecretValues(
      existing?.variables ?? [],
      input.variables,
      `the "${name}" environment`,
    );
    const missing = new Set(
      variables
        .filter((v) => v.secret && v.value === '' && existing?.missing?.has(v.name))
        .map((v) => v.name),
    );
    if (existing === undefined && this.newHome !== undefined) {
      const id = await this.newHome.create(name, variables);
      const created = this.byId.get(id);
      if (!created)
        throw new LanternError(
          'environment.unknown',
          `The environment "${name}" was saved but is not listed.`,
        );
      return this.summary(created);
    }
    if (existing?.owner) {
      await existing.owner.save(name, variables, missing);
      return this.summary(this.byId.get(existing.id) ?? existing);
    }
    const environment: Environment = { id: existing?.id ?? randomUUID(), name, variables, missing };
    const scope = appEnvironmentScope(environment.id);
    const before = this.secrets?.values(scope);
    await this.secrets?.replace(scope, secretMap(environment), `The secret variables of "${name}"`);
    try {
      this.persist(environment);
    } catch (error) {
      if (before) await this.secrets?.replace(scope, before, 'Secret variables').catch(() => undefined);
      throw error;
    }
    return this.summary(environment);
  }

  async delete(id: string): Promise<void> {
    const environment = this.byId.get(id);
    if (!environment) return;
    if (environment.owner) return environment.owner.delete();
    if (id === GLOBAL_ID || environment.transient) {
      throw new LanternError(
        'environment.built-in',
        `"${environment.name}" is built in and cannot be deleted.`,
      );
    }
    this.byId.delete(id);
    try {
      this.persist();
    } catch (error) {
      this.byId.set(id, environment);
      throw error;
    }
    // After the file: an unreadable vault leaves the values behind, swept at the next start.
    await this.secrets?.remove([appEnvironmentScope(id)], 'Secret variables').catch(() => undefined);
  }

  /** A value a response gave (a capture): later sends resolve `{{name}}` to it first. */
  setRunVariable(name: string, value: string, secret: boolean): void {
    this.runVariables.set(name, { value, secret });
  }

  /**
   * Saves a captured value into an environment (the chosen one, else the globals), as a save from
   * the editor would: a secret one goes to the vault. Resolves to the environment's name.
   */
  async capture(
    environmentId: string | undefined,
    name: string,
    value: string,
    secret: boolean,
  ): Promise<string> {
    const environment = this.byId.get(environmentId ?? GLOBAL_ID);
    if (!environment)
      throw new LanternError('environment.unknown', 'The selected environment no longer exists.');
    const variables = environment.variables.map((v) => ({ ...v, keepValue: false }));
    const existing = variables.find((v) => v.name === name);
    if (existing) Object.assign(existing, { value, secret: existing.secret || secret });
    else variables.push({ name, value, secret, keepValue: false });
    // The value is set now: a later save of the renderer's copy must not put the old one back.
    this.runVariables.delete(name);
    await this.save({ id: environment.id, name: environment.name, variables });
    return environment.name;
  }

  /**
   * The layers a request resolves against: a run's overrides, values captured for this run, a run's
   * data row, its folders' variables (a saved request's), then the chosen environment, then the globals.
   */
  scopeFor(environmentId: string | undefined, savedRequestId?: string, run: RunLayers = {}): TemplateScope {
    const layers: TemplateScope[number][] = [];
    if (run.overrides) layers.push(run.overrides);
    if (this.runVariables.size > 0)
      layers.push({ label: 'the values captured in this run', variables: this.runVariables });
    if (run.data) layers.push(run.data);
    if (savedRequestId !== undefined && this.requestVariables)
      layers.push(...this.requestVariables.layersFor(savedRequestId));
    if (environmentId !== undefined && environmentId !== GLOBAL_ID) {
      const environment = this.byId.get(environmentId);
      if (!environment) {
        throw new LanternError(
          'environment.unknown',
          `The selected environment (id "${environmentId}") no longer exists. Pick another environment in the sidebar.`,
        );
      }
      layers.push(secretLayer(`the "${environment.name}" environment`, withoutMissing(environment)));
    }
    layers.push(secretLayer('the globals', withoutMissing(this.byId.get(GLOBAL_ID) as Environment)));
    return layers;
  }

  /** Every secret variable value held, for masking anything that might echo one back. */
  secretValues(): string[] {
    const own = [...this.byId.values()].flatMap((e) =>
      e.variables.filter((v) => v.secret && v.value !== '').map((v) => v.value),
    );
    const captured = [...this.runVariables.values()]
      .filter((v) => v.secret && v.value !== '')
      .map((v) => v.value);
    return [...own, ...captured, ...(this.requestVariables?.secretValues() ?? [])];
  }

  private persist(changed?: Environment): void {
    const next = new Map(this.byId);
    if (changed) next.set(changed.id, changed);
    this.file?.save([...next.values()].filter((e) => !e.transient));
    if (changed) this.byId.set(changed.id, changed);
  }
}

function checkNames(variables: readonly { name: string }[]): void {
  const seen = new Set<string>();
  variables.forEach((variable, index) => {
    if (!isValidVariableName(variable.name)) {
      throw new LanternError(
        'environment.bad-name',
        `Variable ${index + 1} is named "${variable.name}", which cannot be used in {{…}}: use letters, digits, _, - and . only.`,
      );
    }
    if (seen.has(variable.name)) {
      throw new LanternError(
        'environment.duplicate',
        `The variable "${variable.name}" is defined twice. Remove one of them.`,
      );
    }
    seen.add(variable.name);
  });
}

/** The secret values to keep in the vault; one the vault never gave back is not stored as ''. */
export function secretMap(environment: Pick<Environment, 'variables' | 'missing'>): Map<string, string> {
  return new Map(
    environment.variables
      .filter((v) => v.secret && !environment.missing?.has(v.name))
      .map((v) => [v.name, v.value]),
  );
}

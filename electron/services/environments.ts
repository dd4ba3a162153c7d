import { randomUUID } from 'node:crypto';
import { isValidVariableName, type TemplateScope } from '../../shared/template';
import { maskSecret } from '../../shared/model/auth';
import {
  GLOBAL_ENVIRONMENT_ID,
  type EnvironmentSummary,
  type SaveEnvironmentInput,
} from '../../shared/model/environment';
import { LanternError } from '../../shared/model/result';
import { EnvironmentFile } from './environment-file';

export interface Environment {
  id: string;
  name: string;
  variables: { name: string; value: string; secret: boolean }[];
  /** Built in (the sample's): not saved to disk, not editable. */
  transient?: boolean;
}

const GLOBAL_ID = GLOBAL_ENVIRONMENT_ID;

/**
 * Environments on the main side. The globals always exist; every send resolves against the
 * chosen environment first, then the globals. Secret values are masked in every summary.
 */
export class EnvironmentStore {
  private readonly byId = new Map<string, Environment>();

  constructor(private readonly file?: EnvironmentFile) {
    this.byId.set(GLOBAL_ID, { id: GLOBAL_ID, name: 'Globals', variables: [] });
    for (const environment of file?.load() ?? []) this.byId.set(environment.id, environment);
  }

  /** Registers a built-in environment (kept in memory only). */
  putTransient(environment: Omit<Environment, 'transient'>): void {
    this.byId.set(environment.id, { ...environment, transient: true });
  }

  summaries(): EnvironmentSummary[] {
    return [...this.byId.values()].map((environment) => this.summary(environment));
  }

  summary(environment: Environment): EnvironmentSummary {
    return {
      id: environment.id,
      name: environment.name,
      builtIn: Boolean(environment.transient),
      variables: environment.variables.map((v) => ({
        ...v,
        value: v.secret ? maskSecret(v.value) : v.value,
      })),
    };
  }

  save(input: SaveEnvironmentInput): EnvironmentSummary {
    const existing = input.id ? this.byId.get(input.id) : undefined;
    if (input.id && !existing)
      throw new LanternError('environment.unknown', `There is no environment with id "${input.id}" to save.`);
    if (existing?.transient) {
      throw new LanternError(
        'environment.built-in',
        `"${existing.name}" is built in and cannot be edited. Create your own environment instead.`,
      );
    }
    const seen = new Set<string>();
    const variables = input.variables.map((variable, index) => {
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
      // A secret left as its masked preview keeps its stored value: the renderer never had it.
      const previous = existing?.variables.find((v) => v.name === variable.name);
      const value = variable.keepValue && previous ? previous.value : variable.value;
      return { name: variable.name, value, secret: variable.secret };
    });
    const environment: Environment = { id: existing?.id ?? randomUUID(), name: input.name.trim(), variables };
    this.byId.set(environment.id, environment);
    this.persist();
    return this.summary(environment);
  }

  delete(id: string): void {
    const environment = this.byId.get(id);
    if (!environment) return;
    if (id === GLOBAL_ID || environment.transient) {
      throw new LanternError(
        'environment.built-in',
        `"${environment.name}" is built in and cannot be deleted.`,
      );
    }
    this.byId.delete(id);
    this.persist();
  }

  /** The layers a request resolves against: the chosen environment, then the globals. */
  scopeFor(environmentId: string | undefined): TemplateScope {
    const layers: TemplateScope[number][] = [];
    if (environmentId !== undefined && environmentId !== GLOBAL_ID) {
      const environment = this.byId.get(environmentId);
      if (!environment) {
        throw new LanternError(
          'environment.unknown',
          `The selected environment (id "${environmentId}") no longer exists. Pick another environment in the sidebar.`,
        );
      }
      layers.push(layer(`the "${environment.name}" environment`, environment));
    }
    layers.push(layer('the globals', this.byId.get(GLOBAL_ID) as Environment));
    return layers;
  }

  /** Every secret variable value held, for masking anything that might echo one back. */
  secretValues(): string[] {
    return [...this.byId.values()].flatMap((e) => e.variables.filter((v) => v.secret).map((v) => v.value));
  }

  private persist(): void {
    this.file?.save([...this.byId.values()].filter((e) => !e.transient));
  }
}

function layer(label: string, environment: Environment): TemplateScope[number] {
  return {
    label,
    variables: Object.fromEntries(
      environment.variables.map((v) => [v.name, { value: v.value, secret: v.secret }]),
    ),
  };
}

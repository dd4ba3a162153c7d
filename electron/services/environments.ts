import type { TemplateScope } from '../../shared/template';
import { maskSecret } from '../../shared/model/auth';
import type { EnvironmentSummary } from '../../shared/model/environment';
import { LanternError } from '../../shared/model/result';

export interface Environment {
  id: string;
  name: string;
  variables: { name: string; value: string; secret: boolean }[];
}

/** Environments held on the main side; secret values are masked in every summary. */
export class EnvironmentStore {
  private readonly byId = new Map<string, Environment>();

  put(environment: Environment): void {
    this.byId.set(environment.id, environment);
  }

  summaries(): EnvironmentSummary[] {
    return [...this.byId.values()].map((environment) => this.summary(environment));
  }

  summary(environment: Environment): EnvironmentSummary {
    return {
      id: environment.id,
      name: environment.name,
      variables: environment.variables.map((v) => ({
        ...v,
        value: v.secret ? maskSecret(v.value) : v.value,
      })),
    };
  }

  /** The variable layers a request resolves against: the named environment. */
  scopeFor(environmentId: string | undefined): TemplateScope {
    if (environmentId === undefined) return [];
    const environment = this.byId.get(environmentId);
    if (!environment) {
      throw new LanternError(
        'environment.unknown',
        `The selected environment (id "${environmentId}") no longer exists. Pick another environment in the sidebar.`,
      );
    }
    const variables = Object.fromEntries(
      environment.variables.map((v) => [v.name, { value: v.value, secret: v.secret }]),
    );
    return [{ label: `the "${environment.name}" environment`, variables }];
  }

  secretValues(): string[] {
    return [...this.byId.values()].flatMap((e) => e.variables.filter((v) => v.secret).map((v) => v.value));
  }
}

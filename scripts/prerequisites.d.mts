export type Prerequisite = 'chromium' | 'httpbin' | 'openssl';
export type InstallMethod = 'apt' | 'playwright';

export const PREREQUISITES: Record<
  Prerequisite,
  { label: string; aptPackage: string; why: string; otherwise: string }
>;
export const SUITES: Record<'unit' | 'e2e', Prerequisite[]>;

export function parseNeeds(args: string[]): { needs: Prerequisite[]; error?: undefined } | { error: string };

export interface Situation {
  needs: Prerequisite[];
  /** Where each prerequisite was found (a path or a command), undefined when it was not. */
  found: Partial<Record<Prerequisite, string>>;
  root: boolean;
  apt: boolean;
  tried?: Partial<Record<Prerequisite, InstallMethod[]>>;
}

export interface Step {
  method: InstallMethod;
  /** The prerequisites this step installs. */
  names: Prerequisite[];
  /** What it installs: Debian packages for apt, the browser for Playwright. */
  packages: string[];
  say: string;
}

export function decide(situation: Situation): { steps: Step[]; lines: string[]; ok: boolean };

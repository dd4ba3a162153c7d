import { str, type InsomniaResource } from './insomnia-parts';
import type { SourceScript } from './script-import';
import { INSOMNIA } from './script-tests';

/**
 * Insomnia's scripts: a request's or folder's `preRequestScript` and `afterResponseScript`
 * (Insomnia 8+), and the unit tests of its test suites, each of which sends one request.
 */

const script = (kind: SourceScript['kind'], code: unknown, label: string, name?: string): SourceScript => ({
  kind,
  code: str(code),
  label,
  tool: 'Insomnia',
  dialect: INSOMNIA,
  ...(name !== undefined ? { defaultName: name } : {}),
});

/** The scripts a request or folder holds itself. */
export function ownScripts(resource: InsomniaResource): SourceScript[] {
  return [
    script('pre-request', resource.preRequestScript, 'pre-request script'),
    script('test', resource.afterResponseScript, 'after-response script'),
  ];
}

/** The unit tests of an export, by the request each sends; the ones never asked for are reported. */
export class UnitTests {
  private readonly byRequest = new Map<string, { test: InsomniaResource; suite: string }[]>();
  private readonly all: { test: InsomniaResource; suite: string }[] = [];
  private readonly used = new Set<InsomniaResource>();

  constructor(resources: readonly InsomniaResource[]) {
    const suites = new Map(
      resources
        .filter((r) => r._type === 'unit_test_suite')
        .map((r) => [r._id, str(r.name) || 'Untitled suite']),
    );
    for (const test of resources.filter((r) => r._type === 'unit_test')) {
      const entry = { test, suite: suites.get(test.parentId ?? '') ?? 'Untitled suite' };
      this.all.push(entry);
      const requestId = str(test.requestId);
      if (requestId === '') continue;
      this.byRequest.set(requestId, [...(this.byRequest.get(requestId) ?? []), entry]);
    }
  }

  /** The unit tests that send this request, as test scripts whose rows carry the test's name. */
  forRequest(requestId: string): SourceScript[] {
    return (this.byRequest.get(requestId) ?? []).map(({ test, suite }) => {
      this.used.add(test);
      const name = str(test.name) || 'Untitled test';
      return script('test', test.code, `unit test "${name}" (suite "${suite}")`, name);
    });
  }

  unused(): { test: InsomniaResource; suite: string }[] {
    return this.all.filter(({ test }) => !this.used.has(test));
  }
}

import { describe, expect, it } from 'vitest';
import { draft, findingOf, idsOf } from '../test-support';

describe('a pasted cURL that went through the wrong shell (scenario 19)', () => {
  it('spots cmd escapes pasted into bash', () => {
    const d = draft({
      url: '^"https://learn.example.com/totara/webapi/ajax.php^"',
      headers: [{ name: 'X-Totara-Sesskey', value: '^"Xk3e9Lm2qP^"', enabled: true }],
      text: '^{^\\^"operationName^\\^":^\\^"totara_webapi_status^\\^"^}',
    });
    const finding = findingOf({ draft: d }, 'curl.quoting-leftovers');
    expect(finding.explanation).toMatch(/Windows cmd/);
    expect(finding.evidence.map((e) => e.kind)).toEqual(['request-header', 'request-header', 'request-body']);
  });

  it("spots bash $'…' quoting pasted into cmd", () => {
    const d = draft({ text: '$\'{"operationName":"core_lang_strings_nosession"}\'' });
    expect(findingOf({ draft: d }, 'curl.quoting-leftovers').explanation).toMatch(/ANSI-C/);
  });

  it('leaves ordinary requests alone, JSON string bodies included', () => {
    expect(idsOf({ draft: draft({ json: { query: '{ a }' } }) })).toEqual([]);
    expect(
      idsOf({ draft: draft({ url: 'https://api.ihasco.co.uk/users', text: '"just a string"' }) }),
    ).toEqual([]);
  });
});

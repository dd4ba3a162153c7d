import { describe, expect, it } from 'vitest';
import { serverIsOf } from './server-evidence';
import { bareInternalError, clientSafe, GRAPHQL_URL, TOKEN_URL } from './test-support';

const YOGA = 'http://127.0.0.1:4000/graphql';
const yogaError =
  '{"errors":[{"message":"Internal server error","locations":[{"line":1,"column":3}],"path":["broken"]}],"data":{"broken":null}}';

describe('evidence that the server is Totara', () => {
  it.each([
    ['the external API endpoint', [GRAPHQL_URL], undefined, undefined, /external GraphQL endpoint/],
    [
      'the endpoint as typed, {{base}} unresolved',
      ['{{base}}/api/graphql.php'],
      undefined,
      undefined,
      /graphql\.php/,
    ],
    ['the AJAX API', ['https://learn.example.com/totara/webapi/ajax.php'], undefined, undefined, /web API/],
    [
      'Moodle/Totara AJAX service',
      ['https://learn.example.com/lib/ajax/service.php?sesskey=&info=x'],
      undefined,
      undefined,
      /AJAX service/,
    ],
    ['the token endpoint', [TOKEN_URL], undefined, undefined, /token endpoint/],
    [
      "Totara's error shape elsewhere",
      [YOGA],
      JSON.parse(bareInternalError) as unknown,
      undefined,
      /top-level "error"/,
    ],
    [
      "Totara's complexity category",
      [YOGA],
      { errors: [{ message: 'x', extensions: { category: 'query_complexity' } }] },
      undefined,
      /query_complexity/,
    ],
    [
      'a token from Totara',
      [YOGA],
      undefined,
      { tokenId: 't', issuedAt: 0, tokenUrl: `${TOKEN_URL}` },
      /token came from/,
    ],
  ])('%s', (_name, urls, json, token, because) => {
    expect(serverIsOf(urls, json, token).totara?.because).toMatch(because);
  });

  it.each([
    ['graphql-yoga masking an error with the same words', [YOGA], JSON.parse(yogaError) as unknown],
    [
      "graphql-php's generic category",
      [YOGA],
      { errors: [{ message: 'x', extensions: { category: 'graphql' } }] },
    ],
    ['a REST API', ['https://api.ihasco.co.uk/users'], { message: 'Unauthenticated.' }],
    ['a path that merely mentions totara', ['https://example.com/docs/totara/graphql'], undefined],
  ])('finds none in %s', (_name, urls, json) => {
    expect(serverIsOf(urls, json, undefined)).toEqual({});
  });

  it('reads a batch answer', () => {
    expect(serverIsOf([YOGA], [JSON.parse(clientSafe('x')) as unknown], undefined).totara).toBeDefined();
  });
});

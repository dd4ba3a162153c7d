/**
 * The importers' rule: every request in the input is in the output, or the report names it and
 * says why; every body is carried, or the report says what was not. Fixed cases from the fuzzing
 * that found silent drops, then generated collections (fast-check, fixed seed, bounded runs). A test
 * script's lines are each translated into a test row or capture, or named in the report by number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Folder, ImportReport, SavedRequest } from '../model/collection';
import { importInsomnia } from './insomnia';
import { importPostman } from './postman';
import { tokenize } from './script-tokens';
import { reportOf, requestNamed } from './test-support';

const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const postman = (item: unknown[]) =>
  JSON.stringify({ info: { name: 'Fuzzed', schema: POSTMAN_SCHEMA }, item });
const insomnia = (resources: unknown[]) =>
  JSON.stringify({
    _type: 'export',
    __export_format: 4,
    resources: [{ _id: 'wrk_1', _type: 'workspace', name: 'Fuzzed', parentId: null }, ...resources],
  });

function allRequests(folder: Folder): SavedRequest[] {
  return [...folder.requests, ...folder.folders.flatMap(allRequests)];
}

const said = (report: ImportReport, pattern: RegExp) => report.skipped.some((line) => pattern.test(line));

describe('Insomnia: what fuzzing dropped', () => {
  it.each([
    'application/x-www-form-urlencoded; charset=UTF-8',
    'multipart/form-data; boundary=----x',
    'application/x-www-form-urlencode',
    '',
  ])('keeps form fields under the type "%s"', (mimeType) => {
    const report = reportOf(
      importInsomnia(
        insomnia([
          {
            _id: 'req_1',
            _type: 'request',
            parentId: 'wrk_1',
            name: 'Form',
            method: 'POST',
            url: 'https://x.test/',
            body: { mimeType, params: [{ name: 'grant_type', value: 'client_credentials' }] },
          },
        ]),
      ),
    );
    const body = requestNamed(report.collection.root, 'Form').draft.body;
    const fields = body.mode === 'form-urlencoded' || body.mode === 'multipart' ? body.fields : [];
    expect(fields.map((f) => f.name)).toEqual(['grant_type']);
  });

  it('keeps a request whose folder is not in the file, at the top, and says so', () => {
    const report = reportOf(
      importInsomnia(
        insomnia([
          { _id: 'req_1', _type: 'request', parentId: 'fld_gone', name: 'Lost', url: 'https://x.test/' },
        ]),
      ),
    );
    expect(report.collection.root.requests.map((r) => r.name)).toEqual(['Lost']);
    expect(
      said(report, /"Lost" was put at the top of the collection: its folder \(fld_gone\) is not in the file/),
    ).toBe(true);
  });

  it('reads a number where an id belongs as that id', () => {
    const report = reportOf(
      importInsomnia(
        insomnia([
          { _id: 7, _type: 'request_group', parentId: 'wrk_1', name: 'Folder' },
          { _id: 8, _type: 'request', parentId: 7, name: 'Inside', url: 'https://x.test/' },
        ]),
      ),
    );
    expect(report.collection.root.folders[0]?.requests.map((r) => r.name)).toEqual(['Inside']);
  });
});

describe('Postman: what fuzzing dropped', () => {
  it('says when a body is switched off', () => {
    const report = reportOf(
      importPostman(
        postman([
          {
            name: 'Off',
            request: { url: 'https://x.test/', body: { mode: 'raw', raw: 'x', disabled: true } },
          },
        ]),
      ),
    );
    expect(said(report, /body of request "Off".*switched off in Postman/)).toBe(true);
  });

  it('reads a body with no mode by the one part it holds, and says so', () => {
    const report = reportOf(
      importPostman(
        postman([{ name: 'NoMode', request: { url: 'https://x.test/', body: { raw: '{"a":1}' } } }]),
      ),
    );
    expect(requestNamed(report.collection.root, 'NoMode').draft.body).toMatchObject({ text: '{"a":1}' });
    expect(said(report, /says no mode; it was read as raw/)).toBe(true);
  });

  it('says when an item has neither a request nor items', () => {
    const report = reportOf(importPostman(postman([{ name: 'Odd' }])));
    expect(said(report, /"Odd".*neither a request nor items/)).toBe(true);
  });
});

/** Generated names: distinct, so that each request can be found again. */
const names = (min: number, max: number) =>
  fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/), { minLength: min, maxLength: max });

const postmanBody = fc.oneof(
  fc.constant(undefined),
  fc.record({ mode: fc.constant('raw'), raw: fc.string({ maxLength: 20 }) }),
  fc.record({ raw: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({
    mode: fc.constant('raw'),
    raw: fc.string({ minLength: 1, maxLength: 20 }),
    disabled: fc.constant(true),
  }),
  fc.record({
    mode: fc.constant('urlencoded'),
    urlencoded: fc.array(
      fc.record({ key: fc.string({ maxLength: 5 }), value: fc.string({ maxLength: 5 }) }),
      {
        maxLength: 3,
      },
    ),
  }),
);

const insomniaMime = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=UTF-8',
  'multipart/form-data; boundary=x',
  'text/plain',
  '',
  'application/x-www-form-urlencode',
);

describe('generated collections', () => {
  it('Postman: every request is imported or named in the report, and no body part is lost silently', () => {
    fc.assert(
      fc.property(
        names(1, 8),
        fc.array(postmanBody, { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        (list, bodies, nest) => {
          const items = list.map((name, i) => ({
            name,
            request: { method: 'POST', url: 'https://x.test/a', body: bodies[i] },
          }));
          const text = postman(nest ? [{ name: 'Folder', item: items }] : items);
          const report = reportOf(importPostman(text));
          const imported = allRequests(report.collection.root);
          for (const [i, name] of list.entries()) {
            const request = imported.find((r) => r.name === name);
            if (!request) {
              expect(said(report, new RegExp(name))).toBe(true);
              continue;
            }
            const body = bodies[i];
            const held = body && ('raw' in body ? body.raw !== '' : body.urlencoded.length > 0);
            if (held && request.draft.body.mode === 'none')
              expect(said(report, new RegExp(`"${name}"`))).toBe(true);
          }
        },
      ),
      { seed: 20261207, numRuns: 150 },
    );
  });

  it('Insomnia: every request is imported or named in the report, and form fields are kept', () => {
    fc.assert(
      fc.property(
        names(1, 8),
        fc.array(fc.tuple(insomniaMime, fc.boolean(), fc.boolean()), { minLength: 8, maxLength: 8 }),
        (list, shapes) => {
          const resources = list.flatMap((name, i) => {
            const [mimeType, orphan, numericId] = shapes[i] ?? ['', false, false];
            return [
              {
                _id: numericId ? 1000 + i : `req_${i}`,
                _type: 'request',
                parentId: orphan ? `fld_missing_${i}` : 'wrk_1',
                name,
                method: 'POST',
                url: 'https://x.test/',
                body: { mimeType, params: [{ name: `field${i}`, value: 'v' }] },
              },
            ];
          });
          const report = reportOf(importInsomnia(insomnia(resources)));
          const imported = allRequests(report.collection.root);
          for (const [i, name] of list.entries()) {
            const request = imported.find((r) => r.name === name);
            expect(request ?? said(report, new RegExp(name))).toBeTruthy();
            const body = request?.draft.body;
            const fields =
              body && (body.mode === 'form-urlencoded' || body.mode === 'multipart') ? body.fields : [];
            if (request && body?.mode !== 'json' && body?.mode !== 'raw')
              expect(fields.map((f) => f.name)).toContain(`field${i}`);
          }
        },
      ),
      { seed: 20261207, numRuns: 150 },
    );
  });
});

/** Statements that each become exactly one test row or capture. */
const TRANSLATABLE = [
  'pm.response.to.have.status(200);',
  "pm.test('ok', () => pm.expect(pm.response.json().id).to.exist);",
  'pm.expect(pm.response.code).to.eql(201)',
  "pm.environment.set('token', pm.response.json().access_token);",
  'pm.expect(pm.response.responseTime).to.be.below(900);',
  'pm.response.to.have.header("Location")',
  "pm.collectionVariables.set('id', pm.response.json().data[0].id)",
];
const UNTRANSLATABLE = [
  'console.log(pm.response.json());',
  'postman.setNextRequest(null);',
  'if (pm.response.code === 200) {',
  '}',
  'pm.expect(pm.response.json()).to.include({ ok: true });',
  "tests['legacy'] = responseCode.code === 200;",
];
const scriptLine = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRANSLATABLE) },
  { weight: 3, arbitrary: fc.constantFrom(...UNTRANSLATABLE, '', '// a comment') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => s.replace(/\r|\n/g, ' ')) },
);

describe('generated test scripts', () => {
  it('Postman: every line of a test script is translated or named in the report with its number', () => {
    fc.assert(
      fc.property(fc.array(scriptLine, { minLength: 1, maxLength: 12 }), (lines) => {
        const text = postman([
          {
            name: 'Scripted',
            request: { url: 'https://x.test/' },
            event: [{ listen: 'test', script: { exec: lines } }],
          },
        ]);
        const report = reportOf(importPostman(text));
        const request = requestNamed(report.collection.root, 'Scripted');
        const reported = new Set(
          report.skipped.flatMap((line) => {
            const match = /^Test script of request "Scripted", line (\d+), not translated/.exec(line);
            return match ? [Number(match[1])] : [];
          }),
        );
        // A line with code on it (tokens: not blank, not inside a comment) is translated or reported.
        const codeLines = new Set(tokenize(lines.join('\n')).tokens.map((token) => token.line));
        let translatable = 0;
        for (const [index, line] of lines.entries()) {
          const number = index + 1;
          if (!codeLines.has(number) || reported.has(number)) continue;
          expect(TRANSLATABLE).toContain(line);
          translatable += 1;
        }
        const rows = (request.draft.tests?.length ?? 0) + (request.draft.captures?.length ?? 0);
        expect(rows).toBeGreaterThanOrEqual(translatable);
        if (lines.join('').trim() !== '') expect(request.description).toContain(lines.join('\n').trimEnd());
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });
});

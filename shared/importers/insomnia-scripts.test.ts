import { describe, expect, it } from 'vitest';
import exportText from './fixtures/insomnia-scripts.json?raw';
import { importInsomnia } from './insomnia';
import { folderNamed, reportOf, requestNamed } from './test-support';

const report = reportOf(importInsomnia(exportText));
const { root } = report.collection;
const rows = (tests: { enabled: boolean }[] | undefined) =>
  (tests ?? []).map(({ enabled: _enabled, ...row }) => row);

describe('importInsomnia: after-response scripts and unit tests', () => {
  it('turns an after-response script into named test rows and an environment capture', () => {
    const request = requestNamed(root, 'List courses');
    expect(rows(request.draft.tests)).toEqual([
      { name: 'Status is 200', target: 'status', op: 'equals', expected: '200' },
      { name: 'Has courses', target: 'jsonPath', path: '$.courses', op: 'isType', expected: 'array' },
      { name: 'Has courses', target: 'jsonPath', path: '$.courses[0].fullname', op: 'exists' },
    ]);
    expect(request.draft.captures).toEqual([
      { enabled: true, name: 'course_id', scope: 'environment', from: 'jsonPath', path: '$.courses[0].id' },
    ]);
    expect(request.description).toContain('console.log(insomnia.response.headers);');
    expect(report.skipped).toContain(
      'After-response script of request "List courses" in Courses, line 11, not translated: console.log(insomnia.response.headers);',
    );
  });

  it('puts the unit tests of a suite on the request they send, named after the test', () => {
    const request = requestNamed(root, 'Get course');
    expect(rows(request.draft.tests)).toEqual([
      { name: 'Returns 200', target: 'status', op: 'equals', expected: '200' },
      { name: 'Course has a name', target: 'jsonPath', path: '$.fullname', op: 'isType', expected: 'string' },
      {
        name: 'Course has a name',
        target: 'jsonPath',
        path: '$.id',
        op: 'equals',
        expected: '{{course_id}}',
      },
    ]);
    expect(request.description).toContain(
      'Insomnia unit test "Returns 200" (suite "Smoke"), kept as imported',
    );
    expect(report.skipped).toContain(
      'Unit test "Course has a name" (suite "Smoke") of request "Get course" in Courses, line 5, not translated: expect(response.headers).to.be.an(\'array\');',
    );
  });

  it('gives a folder its after-response tests, keeps its pre-request script, and reports both', () => {
    const folder = folderNamed(root, 'Courses');
    expect(rows(folder.tests)).toEqual([
      { name: 'No server error', target: 'status', op: 'lt', expected: '500' },
    ]);
    expect(folder.description).toContain("insomnia.environment.set('started', Date.now());");
    expect(report.skipped).toContain(
      'The Insomnia pre-request script of folder "Courses" does not run: Lantern runs no scripts, so do by hand what it did before each send; it is kept in the description.',
    );
  });

  it('names a unit test that sends no request, with its code', () => {
    expect(report.skipped).toContain(
      'The Insomnia unit test "Nothing to send" of the suite "Smoke" was not imported: it names no request to send. Its code: expect(1 + 1).to.equal(2);',
    );
    expect(report.skipped.join('\n')).not.toMatch(/test suite "Smoke" was not imported/);
  });
});

import { describe, expect, it } from 'vitest';
import { jsonProblem } from './json-check';

describe('jsonProblem', () => {
  it.each(['', '  ', '{"a":1}', '[1,2]', '{"id": {{user_id}}, "name": "{{name}}"}'])('accepts %j', (text) => {
    expect(jsonProblem(text)).toBeUndefined();
  });
  it.each(['{"a":', "{'a':1}", '{"a":1,}'])('explains %j', (text) => {
    expect(jsonProblem(text)).toMatch(/^This body is not valid JSON \(.+\)\.$/);
  });
});

import { describe, expect, it } from 'vitest';
import harText from './fixtures/chrome-app.har?raw';
import insomniaText from './fixtures/insomnia-v4.json?raw';
import postmanText from './fixtures/postman-collection.json?raw';
import environmentText from './fixtures/postman-environment.json?raw';
import v1Text from './fixtures/postman-v1-collection.json?raw';
import { detectFormat, importAny } from './detect';
import { reportOf } from './test-support';

const CHROME_CURL = [
  "curl 'https://learn.example.com/api/me' \\",
  "  -H 'accept: application/json' \\",
  "  -H 'authorization: Bearer abc.def.ghi' \\",
  "  -b 'MoodleSession=f3k2j1h0' \\",
  '  --data-raw \'{"query":"query Me { me { id } }"}\'',
].join('\n');

describe('detectFormat', () => {
  it.each([
    [postmanText, 'postman'],
    [environmentText, 'postman-environment'],
    [insomniaText, 'insomnia'],
    [harText, 'har'],
    [CHROME_CURL, 'curl'],
    ['curl ^"https://example.com/^" ^\n  -H ^"accept: */*^"', 'curl'],
    ['openapi: 3.1.0\ninfo:\n  title: x\n', 'openapi'],
    ['# the API\nswagger: "2.0"\n', 'openapi'],
    ['{"openapi": "3.0.3", "info": {}}', 'openapi'],
    ['{"swagger": "2.0"}', 'openapi'],
    ['info:\n  openapi: 3.0.0\n', 'unknown'],
    [v1Text, 'unknown'],
    ['{"a": 1}', 'unknown'],
    ['hello', 'unknown'],
    ['', 'unknown'],
  ])('%#', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('importAny', () => {
  it('imports a curl command, its secrets left out', () => {
    const report = reportOf(importAny(CHROME_CURL));
    const request = report.collection.root.requests[0];
    expect(request?.draft).toEqual({
      method: 'POST',
      url: 'https://learn.example.com/api/me',
      headers: [{ name: 'accept', value: 'application/json', enabled: true }],
      body: {
        mode: 'raw',
        text: '{"query":"query Me { me { id } }"}',
        contentType: 'application/x-www-form-urlencoded',
      },
      auth: { type: 'bearer', credentialId: 'bearer-1' },
    });
    // The request has its own auth (the bearer token), so the cookie is only dropped.
    expect(report.skipped).toContain(
      'Request "POST /api/me" has its own auth, so the Cookie header it also carried (a browser session, which is a secret) was left out.',
    );
    expect(JSON.stringify(report)).not.toContain('f3k2j1h0');
  });

  it('passes Postman environments and the HAR filter through', () => {
    expect(reportOf(importAny(postmanText, { environments: [environmentText] })).counts.environments).toBe(1);
    expect(reportOf(importAny(harText, { onlyXhr: false })).counts.requests).toBe(9);
  });

  it('imports an environment on its own', () => {
    const report = reportOf(importAny(environmentText));
    expect(report.collection.name).toBe('Acme Staging');
    expect(report.counts).toEqual({ folders: 0, requests: 0, environments: 1 });
  });

  it.each([
    ['', /nothing to import: the text is empty/],
    [v1Text, /not a format Lantern recognises.*OpenAPI 3\.0\/3\.1 and Swagger 2\.0/],
    ['{"broken": ', /looks like JSON but cannot be read/],
    ['type: collection.insomnia.rest/5.0\nname: x', /Insomnia v5 export \(YAML\).*Insomnia v4 \(JSON\)/],
    ["curl -H 'x: y'", /no URL/],
    ['GET https://example.com', /does not recognise this text/],
    ['openapi: 3.1.0\n', /OpenAPI description cannot be read here: import it from Lantern's Import dialog/],
  ])('explains input it cannot read %#', (text, message) => {
    expect(importAny(text)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });
});

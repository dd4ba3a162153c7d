import { FormData } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { CookieJar } from './cookie-jar';
import { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';
import { SENT_BODY_SHOWN_BYTES, sentBodyView } from './sent-body';

describe('sentBodyView', () => {
  it('shows text as sent, cut at 64 KB with the whole size said', () => {
    expect(sentBodyView(undefined)).toBeUndefined();
    expect(sentBodyView('{"a":1}')).toEqual({ kind: 'text', text: '{"a":1}', bytes: 7, truncated: false });
    const big = 'é'.repeat(SENT_BODY_SHOWN_BYTES);
    const view = sentBodyView(big);
    expect(view).toMatchObject({ kind: 'text', bytes: SENT_BODY_SHOWN_BYTES * 2, truncated: true });
    expect(view?.text.length).toBe(SENT_BODY_SHOWN_BYTES);
  });

  it('shows a binary file by its size only, and a text file as text', () => {
    expect(sentBodyView(Buffer.from([0xff, 0x00, 0x12]))).toEqual({
      kind: 'binary',
      text: '',
      bytes: 3,
      truncated: false,
    });
    expect(sentBodyView(Buffer.from('name,email\nada,ada@example.com\n'))).toMatchObject({
      kind: 'text',
      text: 'name,email\nada,ada@example.com\n',
    });
  });

  it('lists multipart parts: text values, and files by name, type and size', () => {
    const form = new FormData();
    form.append('title', 'Report');
    form.append('file', new Blob([new Uint8Array(10)], { type: 'application/pdf' }), 'report.pdf');
    expect(sentBodyView(form)).toEqual({
      kind: 'multipart',
      text: 'title: Report\nfile: file "report.pdf" (application/pdf, 10 bytes)',
      bytes: 0,
      truncated: false,
    });
  });
});

describe('the exchange tells what was sent and what each hop answered', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startHttpServer((request, response) => {
      if (request.url === '/login') {
        response.writeHead(302, {
          location: '/home',
          'set-cookie': ['session=s3ss10n-value-1234; Path=/', 'theme=dark; Path=/'],
        });
        response.end();
        return;
      }
      response.end('home');
    });
  });
  afterAll(() => server.close());

  it('keeps the body sent and every hop’s headers, Set-Cookie included', async () => {
    const engine = createHttpEngine({ env: {} });
    const prepared = await prepareRequest({
      method: 'POST',
      url: `${server.url}/login`,
      headers: [],
      body: { mode: 'form-urlencoded', fields: [{ name: 'user', value: 'ada', enabled: true }] },
      auth: { type: 'none' },
    });
    const exchange = await engine.execute(
      'r1',
      prepared,
      { timeoutMs: 5_000, connectTimeoutMs: 5_000 },
      {
        jar: new CookieJar(),
      },
    );
    await engine.close();
    expect(exchange.request.body).toEqual({ kind: 'text', text: 'user=ada', bytes: 8, truncated: false });
    expect(exchange.redirects?.[0]?.headers?.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'session=s3ss10n-value-1234; Path=/'],
      ['set-cookie', 'theme=dark; Path=/'],
    ]);
    expect(exchange.response.status).toBe(200);
  });
});

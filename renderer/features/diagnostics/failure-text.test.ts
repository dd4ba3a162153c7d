import { describe, expect, it } from 'vitest';
import { repeatsAdvice } from './failure-text';

const REFUSED =
  'Could not connect to 127.0.0.1:9: the connection was refused. Nothing is listening on that port, or a firewall refused it. Check the host and port, and that the server is running.';

describe('repeatsAdvice', () => {
  it('finds a fix the message already gives, worded a little differently', () => {
    expect(
      repeatsAdvice(REFUSED, 'Check the host and port, and that the server (or the sandbox) is running.'),
    ).toBe(true);
  });
  it('finds an explanation that is the whole message again', () => {
    expect(repeatsAdvice(REFUSED, REFUSED)).toBe(true);
    expect(repeatsAdvice(REFUSED, `${REFUSED} A proxy may be in the way.`)).toBe(false);
  });
  it('an empty fix says nothing new', () => {
    expect(repeatsAdvice(REFUSED, '')).toBe(true);
  });
  it('keeps a fix that adds something', () => {
    expect(
      repeatsAdvice(
        REFUSED,
        'Start the sandbox from the sidebar, or change {{base}} in the Sandbox environment.',
      ),
    ).toBe(false);
    expect(
      repeatsAdvice(
        'certificate has expired',
        'Renew the server certificate, or turn off verification for this request in Settings.',
      ),
    ).toBe(false);
  });
  it('does not match words spread over several sentences', () => {
    expect(
      repeatsAdvice('Check the proxy. The port is wrong. Host unknown.', 'Check the host and port.'),
    ).toBe(false);
  });
});

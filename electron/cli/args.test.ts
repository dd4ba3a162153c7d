import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args';

describe('lantern run options', () => {
  it('reads the runner flags, --env-var repeated in order', () => {
    expect(
      parseCliArgs([
        'run',
        'ws',
        '--data',
        'users.csv',
        '--bail',
        '--delay=250',
        '--history',
        '--env-var',
        'token=a=b',
        '--env-var=base=http://x',
      ]),
    ).toMatchObject({
      command: 'run',
      data: 'users.csv',
      bail: true,
      delayMs: 250,
      history: true,
      envVars: [
        { name: 'token', value: 'a=b' },
        { name: 'base', value: 'http://x' },
      ],
    });
    expect(parseCliArgs(['run', 'ws', '--iterations', '3'])).toMatchObject({
      iterations: 3,
      bail: false,
      delayMs: 0,
      history: false,
      envVars: [],
    });
  });

  it.each([
    [['--iterations', '0'], '--iterations must be a whole number of iterations (1 or more), not "0".'],
    [['--iterations', '2.5'], '--iterations must be a whole number of iterations (1 or more), not "2.5".'],
    [['--delay', '-1'], '--delay must be a whole number of milliseconds (0 or more), not "-1".'],
    [['--env-var', 'hunter2'], '--env-var needs NAME=VALUE: one was given without "=".'],
    [['--env-var', 'a b=1'], /"a b" cannot be a variable name/],
  ])('refuses %j', (extra, message) => {
    expect(() => parseCliArgs(['run', 'ws', ...extra])).toThrow(UsageError);
    expect(() => parseCliArgs(['run', 'ws', ...extra])).toThrow(message);
  });
});

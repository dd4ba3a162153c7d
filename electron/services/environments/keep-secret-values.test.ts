import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../shared/model/auth';
import { keepSecretValues } from './keep-secret-values';

const secret = (name: string, value: string) => ({ name, value, secret: true });
const plain = (name: string, value: string) => ({ name, value, secret: false });

describe('keepSecretValues', () => {
  const stored = [secret('token', 'tok-123456789abc'), plain('base', 'https://a'), secret('pin', '1234')];

  it.each([
    [
      'a masked preview keeps the stored value',
      secret('token', maskSecret('tok-123456789abc')),
      'tok-123456789abc',
    ],
    ['keepValue keeps the stored value', { ...secret('pin', 'whatever'), keepValue: true }, '1234'],
    ['a retyped secret takes the new value', secret('token', 'new-value'), 'new-value'],
    ['a new secret takes its value', secret('fresh', 'v1'), 'v1'],
    ['a plain variable takes its value', plain('base', 'https://b'), 'https://b'],
    [
      'an unticked secret left masked keeps (reveals) its value',
      plain('token', maskSecret('tok-123456789abc')),
      'tok-123456789abc',
    ],
  ])('%s', (_label, incoming, expected) => {
    const [result] = keepSecretValues(stored, [incoming], 'the test');
    expect(result?.value).toBe(expected);
  });

  it('follows a renamed secret to the one vanished secret whose preview it shows', () => {
    const result = keepSecretValues(
      stored,
      [{ ...secret('apiToken', maskSecret('tok-123456789abc')), keepValue: true }, secret('pin', '••••')],
      'the test',
    );
    expect(result.map((v) => v.value)).toEqual(['tok-123456789abc', '1234']);
  });

  it('refuses a masked value that stands for nothing rather than storing the mask', () => {
    expect(() => keepSecretValues(stored, [secret('other', '••••zzzz')], 'the "Prod" environment')).toThrow(
      /"other" in the "Prod" environment still shows a masked value.*Type its value again/,
    );
  });

  it('refuses when two renamed secrets look alike', () => {
    const short = [secret('a', '1111'), secret('b', '2222')];
    expect(() => keepSecretValues(short, [{ ...secret('c', '••••'), keepValue: true }], 'x')).toThrow(
      /several renamed secrets look alike/,
    );
  });
});

import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Result } from '../../shared/model/result';
import { call } from '../api';

/**
 * A question whose answer only the component that asked shows (a preview, a search, a file's size):
 * it is not kept in the store, so each asker keeps its own answer and decides which is current.
 */
export type OneOff<K extends CallName> = (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;

export const oneOff =
  <K extends CallName>(name: K): OneOff<K> =>
  (input) =>
    call(name, input);

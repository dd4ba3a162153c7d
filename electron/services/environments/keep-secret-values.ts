import { maskSecret } from '../../../shared/model/auth';
import { LanternError } from '../../../shared/model/result';

export interface StoredVariable {
  name: string;
  value: string;
  secret: boolean;
}

export interface IncomingVariable extends StoredVariable {
  /** The renderer left a secret as its masked preview: keep the stored value. */
  keepValue?: boolean;
}

const MASK = '••••';

/**
 * The values to store when the renderer saves variables it only ever saw masked. A secret sent
 * back as its masked preview (or flagged `keepValue`) keeps its stored value; a secret that was
 * renamed keeps the value of the one vanished secret whose preview it still shows. A preview that
 * stands for no stored value is refused: storing the mask itself would silently break the secret.
 */
export function keepSecretValues(
  previous: readonly StoredVariable[],
  incoming: readonly IncomingVariable[],
  where: string,
): StoredVariable[] {
  const byName = new Map(previous.filter((v) => v.secret).map((v) => [v.name, v]));
  const names = new Set(incoming.map((v) => v.name));
  const vanished = previous.filter((v) => v.secret && !names.has(v.name));
  const adopted = new Set<StoredVariable>();
  return incoming.map((variable) => {
    const plain = { name: variable.name, value: variable.value, secret: variable.secret };
    const same = byName.get(variable.name);
    if (same && (variable.keepValue === true || variable.value === maskSecret(same.value)))
      return { ...plain, value: same.value };
    if (variable.keepValue !== true && !variable.value.startsWith(MASK)) return plain;
    const candidates = vanished.filter((v) => !adopted.has(v) && maskSecret(v.value) === variable.value);
    if (candidates.length === 1) {
      adopted.add(candidates[0] as StoredVariable);
      return { ...plain, value: (candidates[0] as StoredVariable).value };
    }
    throw new LanternError(
      'variables.masked-value',
      `The secret variable "${variable.name}" in ${where} still shows a masked value (${variable.value}), and Lantern cannot tell which stored value it stands for${candidates.length > 1 ? ' (several renamed secrets look alike)' : ''}. Type its value again, then save.`,
    );
  });
}

import { maskSecret } from '../../../shared/model/auth';

interface Needle {
  bytes: Buffer;
  mask: Buffer;
}

/** The secrets worth masking (as the send pipeline: 4 characters or more), longest first. */
function needlesOf(secrets: readonly string[]): Needle[] {
  return [...new Set(secrets)]
    .filter((secret) => secret.length >= 4)
    .map((secret) => ({ bytes: Buffer.from(secret, 'utf8'), mask: Buffer.from(maskSecret(secret), 'utf8') }))
    .sort((a, b) => b.bytes.length - a.bytes.length);
}

/**
 * Replaces secrets in a byte stream fed in chunks, as `maskValue` does in a string: each
 * occurrence becomes `••••` and the secret's last 4 characters. A secret split across two
 * chunks is still found: the last (longest secret − 1) bytes wait for the next chunk.
 * Secrets are matched as UTF-8 bytes, so a body in another charset is masked only where its
 * bytes agree (ASCII tokens in Latin-1 do; UTF-16 bodies do not).
 */
export class StreamMasker {
  /** Occurrences replaced so far. */
  count = 0;
  private readonly needles: Needle[];
  private readonly keep: number;
  private carry: Buffer = Buffer.alloc(0);

  constructor(secrets: readonly string[]) {
    this.needles = needlesOf(secrets);
    this.keep = Math.max(0, ...this.needles.map((n) => n.bytes.length - 1));
  }

  get active(): boolean {
    return this.needles.length > 0;
  }

  /** The masked bytes that can be given out now; some may wait for the next chunk. */
  push(chunk: Buffer): Buffer {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    return this.process(data, false);
  }

  /** The rest, at the end of the stream. */
  end(): Buffer {
    const data = this.carry;
    this.carry = Buffer.alloc(0);
    return this.process(data, true);
  }

  private process(data: Buffer, final: boolean): Buffer {
    // An occurrence starting before `limit` lies wholly inside `data`; later ones may not yet.
    const limit = final ? data.length : data.length - this.keep;
    const parts: Buffer[] = [];
    const nextAt = this.needles.map(() => -1);
    let position = 0;
    for (;;) {
      let best = -1;
      let bestAt = Infinity;
      for (let i = 0; i < this.needles.length; i++) {
        if ((nextAt[i] as number) < position) {
          const at = data.indexOf((this.needles[i] as Needle).bytes, position);
          nextAt[i] = at < 0 ? Infinity : at;
        }
        // Needles are longest first: at the same place the longer secret wins.
        if ((nextAt[i] as number) < bestAt) [best, bestAt] = [i, nextAt[i] as number];
      }
      if (best < 0 || bestAt >= limit) break;
      const needle = this.needles[best] as Needle;
      parts.push(data.subarray(position, bestAt), needle.mask);
      position = bestAt + needle.bytes.length;
      this.count++;
    }
    const emitTo = Math.max(position, limit, 0);
    parts.push(data.subarray(position, emitTo));
    this.carry = Buffer.from(data.subarray(emitTo));
    return Buffer.concat(parts);
  }
}

/**
 * A preview cut at a byte limit can end inside a secret, where no whole secret matches: that
 * tail (a secret's beginning) is removed, so not even part of a secret is shown.
 */
export function withoutSecretStart(text: string, secrets: readonly string[]): string {
  let cut = 0;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (let k = Math.min(secret.length - 1, text.length); k > cut; k--) {
      if (text.endsWith(secret.slice(0, k))) {
        cut = k;
        break;
      }
    }
  }
  return cut > 0 ? text.slice(0, text.length - cut) : text;
}

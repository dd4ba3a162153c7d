import type { Handlers } from '../../../shared/contract';
import { MAX_ROWS_PER_READ } from '../../../shared/model/body';
import { LanternError } from '../../../shared/model/result';
import type { Exchange } from '../../../shared/model/response';

/** The contract calls that read a large body the engine kept on disk. */
export type BodyReader = Pick<Handlers, 'readBodyRows' | 'releaseBody'>;

/**
 * The whole response body as text. Bodies above the engine's inline limit are kept on disk with only
 * a preview in the exchange (GitHub's schema is ~5 MB), so those are read back row by row.
 */
export async function responseText(exchange: Exchange, bodies: BodyReader | undefined): Promise<string> {
  const body = exchange.response.body;
  if (body.stored) {
    if (body.stored.cut || !bodies) {
      throw new LanternError(
        'graphql.schema-too-large',
        `The schema answer is ${body.stored.bytes.toLocaleString('en')} bytes, more than Lantern kept. ` +
          'Save the introspection result to a file and load it with "Load schema from file".',
      );
    }
    const parts: string[] = [];
    try {
      for (let fromRow = 0; fromRow < body.stored.rows; fromRow += MAX_ROWS_PER_READ) {
        const count = Math.min(MAX_ROWS_PER_READ, body.stored.rows - fromRow);
        const { rows } = await bodies.readBodyRows({ bodyId: body.stored.id, fromRow, count });
        for (const row of rows) parts.push(row.wrapped || parts.length === 0 ? row.text : `\n${row.text}`);
      }
    } finally {
      await bodies.releaseBody({ bodyId: body.stored.id }).catch(() => undefined);
    }
    return parts.join('');
  }
  if (body.truncated) {
    throw new LanternError(
      'graphql.schema-too-large',
      'The schema answer was cut short by Lantern’s size limit. Save it to a file and load it from there.',
    );
  }
  return body.encoding === 'base64' ? Buffer.from(body.text, 'base64').toString('utf8') : body.text;
}

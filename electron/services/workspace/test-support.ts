/** Fixtures of the workspace tests (temp folders are in test-support/temp-dirs.ts). */
export { sampleRequest } from '../../../shared/workspace-format/sample-request.fixture';

/** A large body whose every line names its generation, so a torn write cannot pass for whole. */
export function generationBody(id: string, generation: number): string {
  const lines = [`generation ${generation}`];
  for (let i = 0; i < 12_000; i += 1)
    lines.push(`${id} line ${i} of generation ${generation}: ${'x'.repeat(i % 40)}`);
  return `${lines.join('\n')}\n`;
}

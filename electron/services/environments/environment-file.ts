import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { z } from 'zod';
import type { Environment } from './environment-store';

const fileSchema = z.object({
  version: z.literal(1),
  environments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      variables: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean() })),
    }),
  ),
});

/**
 * Environments saved in the app-data folder. Secret values are NOT written: the vault holds them
 * (EnvironmentStore.useVault fills them back in), the file only says a variable is secret.
 * Writes are atomic; a file that cannot be read is reported and kept, never overwritten.
 */
export class EnvironmentFile {
  problem: string | undefined;

  constructor(private readonly path: string) {}

  load(): Environment[] {
    if (!existsSync(this.path)) return [];
    try {
      return fileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8'))).environments;
    } catch (error) {
      const backup = `${this.path}.unreadable-${Date.now()}`;
      copyFileSync(this.path, backup);
      this.problem = `${this.path} could not be read (${(error as Error).message.split('\n')[0]}); it was kept as ${backup}.`;
      return [];
    }
  }

  save(environments: Environment[]): void {
    const data = {
      version: 1,
      environments: environments.map((e) => ({
        id: e.id,
        name: e.name,
        variables: e.variables.map((v) => ({
          name: v.name,
          value: v.secret ? '' : v.value,
          secret: v.secret,
        })),
      })),
    };
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(data, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }
}

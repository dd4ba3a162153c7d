#!/usr/bin/env node
// The `lantern` command. It runs the built CLI (out/main/cli.js, made by `npm run build`) when
// there is one, and the TypeScript source through tsx otherwise (a development checkout).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out/main/cli.js');

if (existsSync(built) && process.env.LANTERN_CLI_FROM_SOURCE !== '1') {
  await import(pathToFileURL(built).href);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    console.error(
      'lantern: the CLI is not built and tsx is not installed: run `npm install && npm run build`.',
    );
    process.exit(2);
  }
  await import(pathToFileURL(path.join(root, 'electron/cli/main.ts')).href);
}

import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { preloadTable } from './electron/preload-table';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve('electron/main.ts'),
          host: resolve('electron/host/main.ts'),
          cli: resolve('electron/cli/main.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    // The contract's channels as a constant: the preload needs names, not the schemas behind them.
    define: { LANTERN_PRELOAD_TABLE: JSON.stringify(preloadTable()) },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS and self-contained: it can require only 'electron'.
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'preload.cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 8000,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});

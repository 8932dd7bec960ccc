import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../precompress';

/**
 * The residents' page (/m/): its own small build, no React, into the console's dist/m/, which the API serves
 * at /m/ (api/src/console-files.ts). Built after the console, whose build empties dist/.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/m/',
  publicDir: false,
  plugins: [precompress()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: fileURLToPath(new URL('../dist/m', import.meta.url)), emptyOutDir: true, sourcemap: false, modulePreload: { polyfill: false } },
});

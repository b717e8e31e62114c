import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The citizen app: served by the gateway at /app/, built to web/dist/app with content-hashed assets. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    // Every asset is a file of its own (the hub's content security policy allows no inline scripts).
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});

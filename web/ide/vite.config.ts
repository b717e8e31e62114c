import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The GraphQL IDE (GraphiQL): served by the gateway at GET /graphql in development, its assets under /ide/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ide/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/ide', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // GraphiQL's Radix UI parts carry React Server Components' "use client" markers, meaningless in a plain bundle.
      onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)),
    },
  },
});

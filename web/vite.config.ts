import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The org chart page: bundled into dist/web and served by orggraph at `/`, with no CDN.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});

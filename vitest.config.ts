import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships both CommonJS and .mjs builds; Node loads the CommonJS one for the
    // libraries (Pothos, yoga), so our code must use it too: two copies refuse each other's types.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // `npm run bench:graph`; bench/search.bench.ts is a plain script (`npm run bench:search`).
    benchmark: { include: ['bench/graph/**/*.bench.ts'] },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});

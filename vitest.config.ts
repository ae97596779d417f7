import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships both CommonJS and .mjs builds; Node loads the CommonJS one for the
    // libraries (Pothos, yoga), so our code must use it too: two copies refuse each other's types.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // `npm run test:replicas`, a step of its own in .ci/run (it needs nginx and a production install).
    exclude: [...configDefaults.exclude, 'tests/replicas/**'],
    globalSetup: ['tests/build-once.ts'],
    // `npm run bench:graph`; bench/search.bench.ts is a plain script (`npm run bench:search`).
    benchmark: { include: ['bench/graph/**/*.bench.ts'] },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});

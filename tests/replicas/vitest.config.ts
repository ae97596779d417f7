import { defineConfig } from 'vitest/config';

// `npm run test:replicas`: the image's runtime stage, and three replicas of it behind nginx.
export default defineConfig({
  test: {
    include: ['tests/replicas/**/*.test.ts'],
    globalSetup: ['tests/replicas/image-install.ts'],
    // One file at a time: each starts several servers on a shared machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

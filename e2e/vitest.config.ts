import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser at a time: the machine has two cores and the server under test needs one.
    fileParallelism: false,
  },
});

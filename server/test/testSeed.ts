import { onTestFailed } from 'vitest';

/**
 * The seed of a randomised test, called in the test body: `PKL_SEED` when set (to replay a failure),
 * else the test's own fixed seed, so CI runs the same sequence every time. When the test fails, the
 * seed is printed with the way to replay it.
 */
export function testSeed(fallback: number): number {
  const fromEnv = process.env.PKL_SEED;
  const seed = fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : fallback;
  onTestFailed(() => {
    console.error(`random seed of this test: ${seed} (replay: PKL_SEED=${seed} npx vitest run <file> -t '<name>')`);
  });
  return seed;
}

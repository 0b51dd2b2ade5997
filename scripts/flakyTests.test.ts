import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { FlakyTestsReporter, flakyReport } from './flakyTests.js';

describe('flaky tests are named, not hidden', () => {
  it('[QA1] prints nothing when no test needed its retry, and each flaky test with its first error', () => {
    expect(flakyReport([])).toEqual([]);
    const lines = flakyReport([
      { project: 'e2e', file: 'e2e/a.spec.ts', name: 'a > b', retries: 1, firstError: 'timed out waiting for: x' },
    ]);
    expect(lines[0]).toMatch(/^FLAKY: 1 test/);
    expect(lines.join('\n')).toContain('[e2e] e2e/a.spec.ts > a > b (retries: 1)');
    expect(lines.join('\n')).toContain('first failure: timed out waiting for: x');
  });

  it('[QA1] a real Vitest run with one retry: the test that failed first passes, and the reporter names it', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'pkl-flaky-')), 'flaky.jsonl');
    const printed: string[] = [];
    const reporter = new FlakyTestsReporter(log, (text) => printed.push(text));
    const vitest = await startVitest('test', ['scripts/fixtures/failsOnce.fixture.ts'], {
      config: false,
      include: ['scripts/fixtures/*.fixture.ts'],
      retry: 1,
      watch: false,
      reporters: [reporter],
    });
    await vitest.close();
    const results = vitest.state.getFiles().flatMap((f) => f.tasks.map((t) => [t.name, t.result?.state]));
    expect(results).toEqual([
      ['fails once, then passes', 'pass'],
      ['always passes', 'pass'],
    ]);
    expect(printed.join('')).toContain('fixtures/failsOnce.fixture.ts > fails once, then passes (retries: 1)');
    const added = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(added).toEqual([
      expect.objectContaining({
        name: 'fails once, then passes',
        retries: 1,
        firstError: expect.stringContaining('first attempt'),
      }),
    ]);
  }, 60_000);
});

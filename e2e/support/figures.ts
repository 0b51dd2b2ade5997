import fs from 'node:fs';
import path from 'node:path';
import { SCREENS } from './layoutChecks.js';

/**
 * Measured figures for the closing notes of issues (heights, fonts, counts), as JSON next to the
 * screenshots: test-output/<name>.json. Only recorded, never asserted here: the specs assert the
 * bounds; this keeps what was seen so a person can quote it.
 */
export const FIGURES_DIR = path.dirname(SCREENS);

/** Sets `key` in test-output/<file>.json (read, merged, written: one spec file writes one file). */
export function recordFigure(file: string, key: string, value: unknown): void {
  const target = path.join(FIGURES_DIR, file);
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(target, 'utf8'));
  } catch {
    // No file yet (or one left half-written by an aborted run): start afresh.
  }
  all[key] = value;
  fs.writeFileSync(target, `${JSON.stringify(all, null, 2)}\n`);
}

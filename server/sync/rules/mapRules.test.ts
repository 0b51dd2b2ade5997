import { describe, expect, it } from 'vitest';
import { mapRules } from './mapRules.js';

describe('the rules every map change passes', () => {
  it('[G2] each one says whether a plain text edit concerns it, so typing can take the cheap guard path (ADR 0029)', () => {
    // A rule without `ignoresTextEdit` silently sends every keystroke down the full guard (an undo
    // scope per update): correct, but the cost the cheap path exists to avoid.
    const rules = mapRules({ rule: 'facilitator', map: 'joint', people: () => [], tell: () => {} });
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(typeof rule.ignoresTextEdit, rule.name).toBe('function');
  });
});

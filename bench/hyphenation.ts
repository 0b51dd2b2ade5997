import { performance } from 'node:perf_hooks';
import { LONG_TEXT, seeded, TEXTS } from '../e2e/support/seedMap.js';
import { hyphenateText, loadHyphenation } from '../shared/text/hyphenation.js';

/**
 * What soft hyphens cost a board that renders again ([U20]): the 120 card texts of the projector's
 * layout fixture (drawn from the e2e seed texts as `seedCards` draws them, one long card, each made unique), each
 * hyphenated once per render, as `CardText` and the snapshot board do. Prints the first render and
 * the median and 95th percentile of the renders after it. Run: `npx tsx bench/hyphenation.ts`.
 */

const CARDS = 120;
const RENDERS = Number(process.env.RENDERS ?? 500);

await loadHyphenation();
const pick = seeded(1);
// Numbered, so that no two cards have the same text.
const texts = Array.from(
  { length: CARDS },
  (_, i) => `${i === 9 ? LONG_TEXT : TEXTS[Math.floor(pick() * TEXTS.length)]} ${i}`,
);

function render(): number {
  const start = performance.now();
  let chars = 0;
  for (const text of texts) chars += hyphenateText(text).length;
  if (chars === 0) throw new Error('nothing hyphenated');
  return performance.now() - start;
}

const first = render();
const times = Array.from({ length: RENDERS }, render).sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(3);
console.log(
  `${CARDS} cards: first render ${first.toFixed(3)} ms; then median ${at(0.5)} ms, p95 ${at(0.95)} ms per render (${RENDERS} renders)`,
);

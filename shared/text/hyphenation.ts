/**
 * Soft hyphens at Dutch break points in long words, for display only ([U20]). A narrow column then
 * breaks "samenwerkings-|overeenkomst" at a syllable with a visible hyphen instead of anywhere,
 * in every browser and offline (CSS `hyphens: auto` needs a dictionary that Chromium on Linux and a
 * closed network lack). The Liang patterns (~48 KB gzip) come from the `hyphen` package and are
 * loaded on first use (docs/decisions/0033-dutch-hyphenation.md); until then text stays as it is.
 * Never apply this to stored text or to text that leaves the app as data: the soft hyphens are a
 * rendering aid, `stripSoftHyphens` takes them out again.
 */

export const SOFT_HYPHEN = '\u00ad';

/** ROOM.md: a word of up to this many letters stays whole; only longer ones get break points. */
export const MAX_WHOLE_WORD = 14;

/** Letters kept together at a word's start and end (the Dutch TeX patterns' own minimums). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

type Breaker = (word: string) => string;

let breaker: Breaker | null = null;
let loading: Promise<void> | null = null;

/** Load the Dutch patterns once (a separate chunk in the browser); later calls share the promise. */
export function loadHyphenation(): Promise<void> {
  loading ??= import('hyphen/nl/index.js').then((mod) => {
    const nl = (mod as { default?: typeof mod.default }).default ?? (mod as unknown as typeof mod.default);
    breaker = (word) => nl.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 1 });
  });
  return loading;
}

/** True once the patterns are in: text rendered before should be rendered again. */
export function hyphenationLoaded(): boolean {
  return breaker !== null;
}

/**
 * Offsets inside `word` (a run of letters) where it may break, each at least LEFT_MIN letters from
 * the start and RIGHT_MIN from the end. Empty for a word of MAX_WHOLE_WORD letters or fewer, and
 * before the patterns are loaded.
 */
export function breakPoints(word: string): number[] {
  if (!breaker || Array.from(word).length <= MAX_WHOLE_WORD) return [];
  const points: number[] = [];
  let at = 0;
  for (const piece of breaker(word).split(SOFT_HYPHEN)) {
    at += piece.length;
    if (at >= LEFT_MIN && at <= word.length - RIGHT_MIN) points.push(at);
  }
  return points;
}

/** A token that is data, not a word: a link, an e-mail address, a path or a code with digits. */
const NOT_PROSE = /[@/\\\d_]|www\.|\.[a-z]{2,}$/i;
const LETTERS = /\p{L}+/gu;

function hyphenateToken(token: string): string {
  if (NOT_PROSE.test(token) || token.includes(SOFT_HYPHEN)) return token;
  return token.replace(LETTERS, (word) => {
    const points = breakPoints(word);
    if (!points.length) return word;
    let out = '';
    let from = 0;
    for (const p of points) {
      out += word.slice(from, p) + SOFT_HYPHEN;
      from = p;
    }
    return out + word.slice(from);
  });
}

/**
 * `text` with soft hyphens inside every word longer than MAX_WHOLE_WORD letters; parts of a
 * compound written with a hyphen ("Arnhem-Noord") are words of their own. Spaces, punctuation,
 * links, e-mail addresses and numbers stay exactly as they were.
 */
export function hyphenateText(text: string): string {
  if (!breaker) return text;
  const known = hyphenated.get(text);
  if (known !== undefined) {
    // Used again: it moves to the end, last in line to be dropped.
    hyphenated.delete(text);
    hyphenated.set(text, known);
    return known;
  }
  const out = text.replace(/\S+/g, hyphenateToken);
  remember(text, out);
  return out;
}

/**
 * Hyphenated texts by text, least recently used first. Every render of a card hyphenates its text
 * again (120 cards: about 1.2 ms a render without this, 0.02 ms with it; bench/hyphenation.ts), and boards render
 * the same texts over and over. Bounded in texts and in characters: someone typing in a long card
 * makes a new text at every keystroke, and the oldest are dropped first.
 */
const hyphenated = new Map<string, string>();
const CACHE_TEXTS = 5000;
/** Characters of text and result together: at most about 8 MB of strings. */
const CACHE_CHARS = 4_000_000;
let cachedChars = 0;

function remember(text: string, out: string): void {
  hyphenated.set(text, out);
  cachedChars += text.length + out.length;
  for (const [oldest, value] of hyphenated) {
    if (hyphenated.size <= CACHE_TEXTS && cachedChars <= CACHE_CHARS) break;
    hyphenated.delete(oldest);
    cachedChars -= oldest.length + value.length;
  }
}

/** Text as it was typed: what is copied or exported never carries the display's soft hyphens. */
export function stripSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '');
}

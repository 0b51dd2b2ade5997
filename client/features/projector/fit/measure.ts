import type { Paragraphs } from './fitLayout.js';

/**
 * Text measured once, in em (width at font-size 1 px), for the projector's fit. Canvas `measureText`
 * in the page's own font; each word is measured once and kept, and each whole text's result too, so a
 * change to one card measures only that card. Without a canvas (jsdom in the unit tests) an average
 * glyph width stands in: the fit stays sensible, only less exact.
 */
export interface TextMeasurer {
  /** Word widths of a text, per paragraph (the text's own line breaks). */
  paragraphs(text: string): Paragraphs;
  /** Width of a space in em. */
  readonly space: number;
}

const REFERENCE_PX = 100;
/** Average glyph width of a sans-serif font in em, for when there is no canvas. */
const AVERAGE_GLYPH_EM = 0.56;

type Weight = 400 | 700;

function canvasContext(weight: Weight, family: string): CanvasRenderingContext2D | null {
  if (typeof document === 'undefined') return null;
  // jsdom has no canvas: it says so on the console instead of returning null; do not ask it.
  if (typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent)) return null;
  try {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return null;
    ctx.font = `${weight} ${REFERENCE_PX}px ${family}`;
    return ctx;
  } catch {
    return null;
  }
}

/** The font the page renders in (base.css), read once so the canvas measures the same glyphs. */
function pageFontFamily(): string {
  if (typeof document === 'undefined' || typeof getComputedStyle === 'undefined') return 'sans-serif';
  return getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
}

export function createMeasurer(weight: Weight = 400, family = pageFontFamily()): TextMeasurer {
  const ctx = canvasContext(weight, family);
  const words = new Map<string, number>();
  const texts = new Map<string, Paragraphs>();
  const widthOf = (word: string): number => {
    let w = words.get(word);
    if (w === undefined) {
      w = ctx
        ? ctx.measureText(word).width / REFERENCE_PX
        : word.length * AVERAGE_GLYPH_EM * (weight === 700 ? 1.08 : 1);
      words.set(word, w);
    }
    return w;
  };
  const space = widthOf(' ') || 0.28;
  return {
    space,
    paragraphs(text: string): Paragraphs {
      let p = texts.get(text);
      if (!p) {
        p = text.split('\n').map((line) => line.split(/\s+/).filter(Boolean).map(widthOf));
        // Cards come and go during a session: keep the cache bounded.
        if (texts.size > 5000) texts.clear();
        texts.set(text, p);
      }
      return p;
    },
  };
}

let shared: { regular: TextMeasurer; bold: TextMeasurer } | null = null;

/** One pair of measurers per page: every fit after the first measures only texts it has not seen. */
export function pageMeasurers(): { regular: TextMeasurer; bold: TextMeasurer } {
  shared ??= { regular: createMeasurer(400), bold: createMeasurer(700) };
  return shared;
}

import PDFDocument from 'pdfkit';
import type { Measure, Shape } from './layoutTypes.js';

/**
 * PDFKit, set up the same way for every export: a tagged PDF 1.7 (PDF/UA identification) with the
 * DejaVu fonts embedded as subsets, and the drawing of layout shapes. The map and the convenant
 * both go through here, so they are tagged and lettered alike.
 */

/** The TTF bytes of the export font (DejaVu Sans, regular and bold), read by the caller. */
export interface ExportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type StructElement = ReturnType<PdfDoc['struct']>;

export interface DocOptions {
  lang: 'nl' | 'en';
  title: string;
  subject?: string;
  size: 'A3' | 'A4';
  layout: 'landscape' | 'portrait';
  margin?: number;
}

/**
 * Parsed fonts by their bytes: parsing a 700 KB TTF takes longer than laying out a map, and fontkit
 * keeps glyph metrics on the parsed font, so every export after the first reuses it (PDFKit accepts
 * a parsed font; each document still embeds its own subset).
 */
const parsed = new WeakMap<Uint8Array, unknown>();

/** A new tagged document; the first page is added by PDFKit itself. */
export function newTaggedDoc(fonts: ExportFonts, o: DocOptions): PdfDoc {
  const doc = new PDFDocument({
    tagged: true,
    // PDFKit writes the PDF/UA identification; @types/pdfkit does not list this subset yet.
    subset: 'PDF/UA' as never,
    pdfVersion: '1.7',
    lang: o.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    size: o.size,
    layout: o.layout,
    margin: o.margin ?? 0,
    info: {
      Title: o.title,
      Subject: o.subject ?? '',
      Creator: 'Partnerschapskaart Live',
      Producer: 'Partnerschapskaart Live (PDFKit)',
    },
    autoFirstPage: true,
    compress: true,
  });
  for (const [name, bytes] of [
    [REGULAR, fonts.regular],
    [BOLD, fonts.bold],
  ] as const) {
    doc.registerFont(name, (parsed.get(bytes) ?? bytes) as never);
    doc.font(name);
    if (!parsed.has(bytes)) parsed.set(bytes, (doc as unknown as { _font: { font: unknown } })._font.font);
  }
  doc.font(REGULAR);
  return doc;
}

/** The bytes of a finished document. */
export function finish(doc: PdfDoc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      const total = chunks.reduce((n, c) => n + c.length, 0);
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
    doc.end();
  });
}

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

/**
 * Characters the font has no glyph for (emoji, Chinese) would be drawn as an empty box or vanish;
 * they become a visible "�" instead, measured and drawn alike. Joiners and variation selectors
 * that only shape such characters are dropped first.
 */
const guards = new WeakMap<FontkitFont, (text: string) => string>();

function glyphGuard(doc: PdfDoc, family: string): (text: string) => string {
  doc.font(family);
  // PDFKit keeps the fontkit font on its private `_font.font`; it answers "is there a glyph for this?".
  const font = (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  const known = guards.get(font);
  if (known) return known;
  const cache = new Map<string, string>();
  const guard = (text: string) => {
    let out = cache.get(text);
    if (out !== undefined) return out;
    out = '';
    for (const ch of text.replace(/[\u200d\ufe00-\ufe0f]/g, '')) {
      const cp = ch.codePointAt(0)!;
      if (cp === 32 || font.hasGlyphForCodePoint(cp)) out += ch;
      else if (!out.endsWith('\ufffd')) out += '\ufffd';
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(text, out);
    return out;
  };
  guards.set(font, guard);
  return guard;
}

export interface FontUse {
  measure: Measure;
  text: (text: string, bold: boolean) => string;
}

/** Advance widths per character (at 1 pt) by parsed font, shared by every export. */
const advances = new WeakMap<FontkitFont, { low: Float64Array; high: Map<string, number> }>();

/** Widths from the same font objects PDFKit draws with, after the same glyph guard. */
export function fontUse(doc: PdfDoc): FontUse {
  const guards = { [REGULAR]: glyphGuard(doc, REGULAR), [BOLD]: glyphGuard(doc, BOLD) };
  const text = (t: string, bold: boolean) => guards[bold ? BOLD : REGULAR](t);
  // Per character advance, from the font PDFKit draws with. PDFKit also kerns pairs inside a word;
  // DejaVu's kerning only ever narrows Latin pairs, so a measured line is never shorter than drawn.
  const fontOf = (family: string) => {
    doc.font(family);
    return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  };
  const tableOf = (family: string) => {
    const font = fontOf(family);
    let table = advances.get(font);
    if (!table) advances.set(font, (table = { low: new Float64Array(0x3000).fill(-1), high: new Map() }));
    return table;
  };
  const tables = { r: tableOf(REGULAR), b: tableOf(BOLD) };
  /** Width at 1 pt; -2 marks a character without a glyph (drawn as one "�" per run, see glyphGuard). */
  const charWidth = (ch: string, code: number, bold: boolean) => {
    const table = bold ? tables.b : tables.r;
    let w = code < 0x3000 ? table.low[code] : (table.high.get(ch) ?? -1);
    if (w === -1) {
      const family = bold ? BOLD : REGULAR;
      w =
        code !== 32 && !fontOf(family).hasGlyphForCodePoint(code)
          ? -2
          : (doc.font(family).fontSize(1000), doc.widthOfString(ch) / 1000);
      if (code < 0x3000) table.low[code] = w;
      else table.high.set(ch, w);
    }
    return w;
  };
  return {
    text,
    // The same result as measuring text(t) (the guarded text), without building that string.
    measure: (t, size, bold) => {
      let w = 0;
      let missing = false;
      for (const ch of t) {
        const code = ch.codePointAt(0)!;
        if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
        const cw = charWidth(ch, code, bold);
        if (cw === -2) {
          if (!missing) w += charWidth('\ufffd', 0xfffd, bold);
          missing = true;
          continue;
        }
        missing = false;
        w += cw;
      }
      return w * size;
    },
  };
}

/** A measure for `layoutMap` outside of a PDF run (SVG, tests). */
export function createPdfMeasure(fonts: ExportFonts): Measure {
  return fontUse(newTaggedDoc(fonts, { lang: 'nl', title: '', size: 'A3', layout: 'landscape' })).measure;
}

/** Draw one shape (y down, from the top left, in points, as PDFKit measures too). */
export function drawShape(doc: PdfDoc, s: Shape, guard: FontUse['text']): void {
  switch (s.kind) {
    case 'rect': {
      doc.roundedRect(s.x, s.y, s.w, s.h, s.r);
      if (s.dashed) doc.dash(3, { space: 2 });
      if (s.stroke) doc.lineWidth(s.lineWidth ?? 0.8);
      if (s.fill && s.stroke) doc.fillAndStroke(s.fill, s.stroke);
      else if (s.fill) doc.fill(s.fill);
      else if (s.stroke) doc.stroke(s.stroke);
      if (s.dashed) doc.undash();
      return;
    }
    case 'circle':
      doc.circle(s.x, s.y, s.r).fill(s.fill);
      return;
    case 'line':
      doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).lineWidth(s.width).stroke(s.color);
      return;
    case 'text':
      if (!s.text) return;
      doc
        .font(s.bold ? BOLD : REGULAR)
        .fontSize(s.size)
        .fillColor(s.color)
        .text(guard(s.text, s.bold), s.x, s.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
  }
}

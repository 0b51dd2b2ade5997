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
    info: { Title: o.title, Subject: o.subject ?? '', Creator: 'Partnerschapskaart Live', Producer: 'Partnerschapskaart Live (PDFKit)' },
    autoFirstPage: true,
    compress: true,
  });
  doc.registerFont(REGULAR, fonts.regular as never);
  doc.registerFont(BOLD, fonts.bold as never);
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
function glyphGuard(doc: PdfDoc, family: string): (text: string) => string {
  doc.font(family);
  // PDFKit keeps the fontkit font on its private `_font.font`; it answers "is there a glyph for this?".
  const font = (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out !== undefined) return out;
    out = '';
    for (const ch of text.replace(/[\u200d\ufe00-\ufe0f]/g, '')) {
      const cp = ch.codePointAt(0)!;
      if (cp === 32 || font.hasGlyphForCodePoint(cp)) out += ch;
      else if (!out.endsWith('\ufffd')) out += '\ufffd';
    }
    cache.set(text, out);
    return out;
  };
}

export interface FontUse {
  measure: Measure;
  text: (text: string, bold: boolean) => string;
}

/** Widths from the same font objects PDFKit draws with, after the same glyph guard. */
export function fontUse(doc: PdfDoc): FontUse {
  const guards = { [REGULAR]: glyphGuard(doc, REGULAR), [BOLD]: glyphGuard(doc, BOLD) };
  const text = (t: string, bold: boolean) => guards[bold ? BOLD : REGULAR](t);
  // Per character advance, from the font PDFKit draws with. PDFKit also kerns pairs inside a word;
  // DejaVu's kerning only ever narrows Latin pairs, so a measured line is never shorter than drawn.
  const advance = { r: new Map<string, number>(), b: new Map<string, number>() };
  const charWidth = (ch: string, bold: boolean) => {
    const table = bold ? advance.b : advance.r;
    let w = table.get(ch);
    if (w === undefined) {
      doc.font(bold ? BOLD : REGULAR).fontSize(1000);
      w = doc.widthOfString(ch) / 1000;
      table.set(ch, w);
    }
    return w;
  };
  return {
    text,
    measure: (t, size, bold) => {
      let w = 0;
      for (const ch of text(t, bold)) w += charWidth(ch, bold);
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

import { jsPDF } from 'jspdf';
import { toBase64 } from '../backup.js';
import { isJointMap, partnerOf, type ExportInput } from './exportInput.js';
import type { Measure, Shape } from './layoutTypes.js';
import { layoutMap } from './pdfLayout.js';
import { exportTexts } from './texts.js';

/** The TTF bytes of the export font (DejaVu Sans, regular and bold), loaded by the caller. */
export interface ExportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

// Two families rather than one family with a bold style, so each shows under its own name in the PDF.
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

function newDoc(): jsPDF {
  // putOnlyUsedFonts keeps jsPDF's 14 standard fonts (not embedded) out of the file.
  return new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a3', compress: true, putOnlyUsedFonts: true });
}

/** Embed the TTF fonts (jsPDF subsets them to the glyphs used), so any Unicode text renders and can be searched. */
export function registerFonts(doc: jsPDF, fonts: ExportFonts): void {
  doc.addFileToVFS(`${REGULAR}.ttf`, toBase64(fonts.regular));
  doc.addFont(`${REGULAR}.ttf`, REGULAR, 'normal');
  doc.addFileToVFS(`${BOLD}.ttf`, toBase64(fonts.bold));
  doc.addFont(`${BOLD}.ttf`, BOLD, 'normal');
}

type CodeMap = Record<number, number | undefined>;

/**
 * Characters the font has no glyph for (emoji, Chinese) would vanish without a trace in the PDF;
 * they become a visible "�" instead, measured and drawn alike. Variation selectors and joiners that
 * only shape such characters are dropped first.
 */
function glyphGuard(doc: jsPDF, family: string): (text: string) => string {
  doc.setFont(family, 'normal');
  const codeMap = (doc.getFont() as unknown as { metadata?: { cmap?: { unicode?: { codeMap?: CodeMap } } } }).metadata?.cmap?.unicode?.codeMap;
  if (!codeMap) return (text) => text;
  return (text) => {
    let out = '';
    for (const ch of text.replace(/[\u200d\ufe00-\ufe0f]/g, '')) {
      const cp = ch.codePointAt(0)!;
      if (codeMap[cp] !== undefined || cp === 32) out += ch;
      else if (!out.endsWith('\ufffd')) out += '\ufffd';
    }
    return out;
  };
}

interface FontUse {
  measure: Measure;
  text: (text: string, bold: boolean) => string;
}

/** Text widths from the font metrics jsPDF will use for drawing, with the same glyph guard. */
function fontUse(doc: jsPDF): FontUse {
  const guard = { [REGULAR]: glyphGuard(doc, REGULAR), [BOLD]: glyphGuard(doc, BOLD) };
  const text = (t: string, bold: boolean) => guard[bold ? BOLD : REGULAR](t);
  return {
    text,
    measure: (t, size, bold) => {
      doc.setFont(bold ? BOLD : REGULAR, 'normal');
      return doc.getStringUnitWidth(text(t, bold)) * size;
    },
  };
}

/** A measure function for `layoutMap` outside of a PDF run (tests, previews). */
export function createPdfMeasure(fonts: ExportFonts): Measure {
  const doc = newDoc();
  registerFonts(doc, fonts);
  return fontUse(doc).measure;
}

function drawShape(doc: jsPDF, s: Shape, fontText: FontUse['text']): void {
  switch (s.kind) {
    case 'rect': {
      if (s.fill) doc.setFillColor(s.fill);
      if (s.stroke) {
        doc.setDrawColor(s.stroke);
        doc.setLineWidth(s.lineWidth ?? 0.8);
      }
      if (s.dashed) doc.setLineDashPattern([3, 2], 0);
      doc.roundedRect(s.x, s.y, s.w, s.h, s.r, s.r, s.fill && s.stroke ? 'FD' : s.fill ? 'F' : 'S');
      if (s.dashed) doc.setLineDashPattern([], 0);
      return;
    }
    case 'circle':
      doc.setFillColor(s.fill);
      doc.circle(s.x, s.y, s.r, 'F');
      return;
    case 'line':
      doc.setDrawColor(s.color);
      doc.setLineWidth(s.width);
      doc.line(s.x1, s.y1, s.x2, s.y2);
      return;
    case 'text':
      if (!s.text) return;
      doc.setFont(s.bold ? BOLD : REGULAR, 'normal');
      doc.setFontSize(s.size);
      doc.setTextColor(s.color);
      doc.text(fontText(s.text, s.bold), s.x, s.y);
      return;
  }
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The map as an A3 landscape PDF drawn as vectors. `onProgress` gets fractions from 0 to 1; the
 * work yields between pages so a browser can paint a progress bar. Needs no network.
 */
export async function renderMapPdf(
  input: ExportInput,
  fonts: ExportFonts,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  onProgress?.(0);
  const doc = newDoc();
  registerFonts(doc, fonts);
  const t = exportTexts(input.lang);
  const mapLabel = isJointMap(input) ? t.jointMap : t.partnerMap(partnerOf(input, input.mapName).name);
  doc.setProperties({ title: `${input.title} · ${mapLabel}`, subject: mapLabel, creator: t.madeWith });
  doc.setLanguage(input.lang === 'nl' ? 'nl' : 'en-GB');
  onProgress?.(0.1);
  await nextTick();

  const use = fontUse(doc);
  const layout = layoutMap(input, use.measure);
  onProgress?.(0.3);
  for (const [i, page] of layout.pages.entries()) {
    if (i > 0) doc.addPage('a3', 'landscape');
    for (const s of page.shapes) drawShape(doc, s, use.text);
    for (const card of page.cards) for (const s of card.shapes) drawShape(doc, s, use.text);
    onProgress?.(0.3 + (0.6 * (i + 1)) / layout.pages.length);
    await nextTick();
  }
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  onProgress?.(1);
  return bytes;
}

import { COLUMNS, type ColumnId } from '../columns.js';
import { isJointMap, partnerOf, type ExportInput } from './exportInput.js';
import type { MapLayout, Shape, TextTag } from './layoutTypes.js';
import {
  drawShape,
  finish,
  fontUse,
  newTaggedDoc,
  type ExportFonts,
  type FontUse,
  type PdfDoc,
  type StructElement,
} from './pdfKit.js';
import { layoutMap } from './pdfLayout.js';
import { exportTexts } from './texts.js';

export { createPdfMeasure, type ExportFonts } from './pdfKit.js';

/**
 * The structure tree of the map, built before anything is drawn so its order is the reading order
 * ([E5]): title, map and date, then step 1 to 5 (heading, prompts, cards in their order),
 * then the banner and the legend; whatever page a piece lands on.
 */
function skeleton(doc: PdfDoc, input: ExportInput) {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const add = (parent: StructElement, type: string) => {
    const el = doc.struct(type);
    parent.add(el);
    return el;
  };
  const title = add(root, 'H1');
  const meta = add(root, 'P');
  const columns = {} as Record<
    ColumnId,
    { heading: StructElement; prompts: StructElement[]; cards: Map<string, StructElement>; empty: StructElement | null }
  >;
  const t = exportTexts(input.lang);
  for (const c of COLUMNS) {
    // The section's title names the step, so a reader's outline reads "Stap 1: Waarden", ….
    const sect = doc.struct('Sect', { title: t.stepRef(c.step, c.label[input.lang]) });
    root.add(sect);
    const heading = add(sect, 'H2');
    const promptList = add(sect, 'L');
    const prompts = c.prompts.map(() => add(add(promptList, 'LI'), 'LBody'));
    const cardsHere = input.map.columns[c.id] ?? [];
    const cards = new Map<string, StructElement>();
    if (cardsHere.length) {
      const list = add(sect, 'L');
      for (const card of cardsHere) cards.set(card.id, add(add(list, 'LI'), 'LBody'));
    }
    columns[c.id] = { heading, prompts, cards, empty: cardsHere.length ? null : add(sect, 'P') };
  }
  const banner = add(root, 'P');
  const legend = add(root, 'P');
  const forTag = (tag: TextTag): { el: StructElement; type: string } => {
    switch (tag.role) {
      case 'title':
        return { el: title, type: 'H1' };
      case 'meta':
        return { el: meta, type: 'P' };
      case 'banner':
        return { el: banner, type: 'P' };
      case 'legend':
        return { el: legend, type: 'P' };
      case 'heading':
        return { el: columns[tag.column].heading, type: 'H2' };
      case 'prompt':
        return { el: columns[tag.column].prompts[tag.index], type: 'LBody' };
      case 'empty':
        return { el: columns[tag.column].empty!, type: 'P' };
    }
  };
  return { root, forTag, cardElement: (column: ColumnId, id: string) => columns[column].cards.get(id)! };
}

/** Decoration (frames, dots, arrows, page numbers) is marked as an artifact: readers skip it. */
function artifact(doc: PdfDoc, shapes: readonly Shape[], use: FontUse) {
  if (!shapes.length) return;
  doc.markContent('Artifact', { type: 'Layout' });
  for (const s of shapes) drawShape(doc, s, use.text);
  doc.endMarkedContent();
}

function tagged(doc: PdfDoc, el: StructElement, type: string, shapes: readonly Shape[], use: FontUse) {
  const content = doc.markStructureContent(type);
  for (const s of shapes) drawShape(doc, s, use.text);
  doc.endMarkedContent();
  el.add(content);
}

function drawLayout(doc: PdfDoc, input: ExportInput, layout: MapLayout, use: FontUse, onPage?: (i: number) => void) {
  const tree = skeleton(doc, input);
  layout.pages.forEach((page, i) => {
    if (i > 0) doc.addPage({ size: 'A3', layout: 'landscape', margin: 0 });
    const decoration = page.shapes.filter((s) => s.kind !== 'text' || !s.tag);
    const texts = page.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text' && !!s.tag);
    // Frames first (the column heads are filled boxes the text sits on), then the tagged texts,
    // consecutive texts with the same tag in one marked sequence.
    artifact(
      doc,
      decoration.filter((s) => s.kind !== 'text'),
      use,
    );
    for (let a = 0; a < texts.length; ) {
      const key = JSON.stringify(texts[a].tag);
      let b = a + 1;
      while (b < texts.length && JSON.stringify(texts[b].tag) === key) b++;
      const { el, type } = tree.forTag(texts[a].tag!);
      tagged(doc, el, type, texts.slice(a, b), use);
      a = b;
    }
    artifact(
      doc,
      decoration.filter((s) => s.kind === 'text'),
      use,
    );
    for (const card of page.cards) {
      const frame = card.shapes.filter((s) => s.kind !== 'text');
      const texts = card.shapes.filter((s) => s.kind === 'text');
      artifact(doc, frame, use);
      tagged(doc, tree.cardElement(card.column, card.cardId), 'LBody', texts, use);
    }
    onPage?.(i);
  });
  tree.root.end();
}

/**
 * The map as a tagged A3 landscape PDF ([E4]): vector shapes, DejaVu Sans embedded as a subset,
 * selectable text in reading order, document language and title set.
 */
export async function renderMapPdf(
  input: ExportInput,
  fonts: ExportFonts,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  onProgress?.(0);
  const t = exportTexts(input.lang);
  const mapLabel = isJointMap(input) ? t.jointMap : t.partnerMap(partnerOf(input, input.mapName).name);
  const doc = newTaggedDoc(fonts, {
    lang: input.lang,
    title: `${input.title} · ${mapLabel}`,
    subject: mapLabel,
    size: 'A3',
    layout: 'landscape',
  });
  const use = fontUse(doc);
  const layout = layoutMap(input, use.measure);
  onProgress?.(0.4);
  drawLayout(doc, input, layout, use, (i) => onProgress?.(0.4 + (0.5 * (i + 1)) / layout.pages.length));
  const bytes = await finish(doc);
  onProgress?.(1);
  return bytes;
}

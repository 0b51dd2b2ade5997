import type { Convenant, ConvenantBlock } from './convenantTypes.js';
import { BOLD, finish, newTaggedDoc, REGULAR, type ExportFonts, type StructElement } from './pdfKit.js';
import { drawScoreChart } from './scoreChartPdf.js';

const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#555555';
const SIZE = { h1: 18, title: 13, h2: 13, h3: 11, body: 10.5, note: 9.5 } as const;

/**
 * [E7] The convenant input as a tagged A4 PDF: the same document model as the DOCX and Markdown,
 * headings as H1/H2/H3, lists as L/LI/Lbl/LBody, the action plan as a real table (TH/TD), card texts
 * exactly as they were agreed (PDFKit wraps them, nothing is cut).
 */
export async function convenantToPdf(c: Convenant, fonts: ExportFonts): Promise<Uint8Array> {
  const doc = newTaggedDoc(fonts, {
    lang: c.lang,
    title: `${c.heading}: ${c.title}`,
    subject: c.heading,
    size: 'A4',
    layout: 'portrait',
    margin: MARGIN,
  });
  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct('Document');
  doc.addStructure(root);

  /** Text as one structure element of `type`, wrapped to the width; PDFKit adds pages as needed. */
  const text = (
    parent: StructElement,
    type: string,
    value: string,
    o: { bold?: boolean; size?: number; color?: string; x?: number; w?: number; gap?: number } = {},
  ) => {
    const el = doc.struct(type);
    parent.add(el);
    mark(el, type, () => write(value, o));
    el.end();
    return el;
  };
  const write = (
    value: string,
    o: { bold?: boolean; size?: number; color?: string; x?: number; w?: number; gap?: number },
  ) => {
    doc
      .font(o.bold ? BOLD : REGULAR)
      .fontSize(o.size ?? SIZE.body)
      .fillColor(o.color ?? INK);
    doc.text(value, o.x ?? MARGIN, doc.y, { width: o.w ?? width, paragraphGap: o.gap ?? 4 });
  };
  const mark = (el: StructElement, type: string, draw: () => void) => {
    const content = doc.markStructureContent(type);
    draw();
    doc.endMarkedContent();
    el.add(content);
  };
  const ensureRoom = (h: number) => {
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
  };

  text(root, 'H1', c.heading, { bold: true, size: SIZE.h1, gap: 2 });
  text(root, 'P', c.title, { bold: true, size: SIZE.title, gap: 6 });
  for (const line of c.meta) text(root, 'P', line, { color: MUTED, gap: 1 });
  doc.moveDown(0.6);
  text(root, 'P', c.note, { bold: true, gap: 6 });
  for (const line of c.intro) text(root, 'P', line);

  for (const section of c.sections) {
    const sect = doc.struct('Sect');
    root.add(sect);
    doc.moveDown(0.8);
    ensureRoom(60);
    text(sect, 'H2', section.heading, { bold: true, size: SIZE.h2, gap: 6 });
    for (const block of section.blocks) drawBlock(sect, block);
    sect.end();
  }
  root.end();
  return finish(doc);

  function drawBlock(parent: StructElement, block: ConvenantBlock) {
    switch (block.kind) {
      case 'paragraph':
        text(parent, 'P', block.text, { bold: block.strong });
        return;
      case 'subheading':
        doc.moveDown(0.3);
        ensureRoom(40);
        text(parent, 'H3', block.text, { bold: true, size: SIZE.h3 });
        return;
      case 'list': {
        const list = doc.struct('L');
        parent.add(list);
        block.items.forEach((item, i) => {
          const li = doc.struct('LI');
          list.add(li);
          const label = block.ordered ? `${i + 1}.` : '•';
          ensureRoom(SIZE.body * 1.4);
          const y = doc.y;
          const lbl = doc.struct('Lbl');
          li.add(lbl);
          mark(lbl, 'Lbl', () => {
            doc
              .font(REGULAR)
              .fontSize(SIZE.body)
              .fillColor(INK)
              .text(label, MARGIN + 4, y, { lineBreak: false });
          });
          lbl.end();
          const body = doc.struct('LBody');
          li.add(body);
          doc.y = y;
          mark(body, 'LBody', () =>
            write(item.text, { x: MARGIN + 20, w: width - 20, gap: item.notes?.length ? 1 : 4 }),
          );
          for (const note of item.notes ?? [])
            mark(body, 'LBody', () =>
              write(note, { x: MARGIN + 20, w: width - 20, size: SIZE.note, color: MUTED, gap: 1 }),
            );
          if (item.notes?.length) doc.moveDown(0.3);
          body.end();
          li.end();
        });
        list.end();
        return;
      }
      case 'table':
        drawTable(parent, block.header, block.rows, block.weights);
        return;
      case 'scoreChart':
        drawScoreChart(doc, parent, block, { x: MARGIN, width });
        return;
    }
  }

  /** A bordered table; a row never breaks over two pages, the header row is repeated on each page. */
  function drawTable(parent: StructElement, header: string[], rows: string[][], given?: number[]) {
    const table = doc.struct('Table');
    parent.add(table);
    const weights =
      given?.length === header.length
        ? given
        : header.map((_, i) => (i === 0 ? 0.6 : i === 1 || i === header.length - 1 ? 2 : 1.3));
    const sum = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / sum) * width);
    const pad = 4;
    const heightOf = (cells: string[], bold: boolean) =>
      Math.max(
        ...cells.map((cell, i) =>
          doc
            .font(bold ? BOLD : REGULAR)
            .fontSize(SIZE.note)
            .heightOfString(cell || ' ', { width: widths[i] - 2 * pad }),
        ),
      ) +
      2 * pad;
    const drawRow = (cells: string[], head: boolean) => {
      const h = heightOf(cells, head);
      if (doc.y + h > doc.page.height - MARGIN) {
        doc.addPage();
        if (!head) drawRow(header, true);
      }
      const y = doc.y;
      const tr = doc.struct('TR');
      table.add(tr);
      let x = MARGIN;
      cells.forEach((cell, i) => {
        doc.markContent('Artifact', { type: 'Layout' });
        doc.rect(x, y, widths[i], h).lineWidth(0.5);
        if (head) doc.fillAndStroke('#ecece6', '#8c8c8c');
        else doc.stroke('#8c8c8c');
        doc.endMarkedContent();
        const type = head ? 'TH' : 'TD';
        const td = doc.struct(type);
        tr.add(td);
        mark(td, type, () => {
          doc
            .font(head ? BOLD : REGULAR)
            .fontSize(SIZE.note)
            .fillColor(INK)
            .text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad });
        });
        td.end();
        x += widths[i];
      });
      tr.end();
      doc.x = MARGIN;
      doc.y = y + h;
    };
    drawRow(header, true);
    for (const row of rows) drawRow(row, false);
    table.end();
    doc.moveDown(0.5);
  }
}

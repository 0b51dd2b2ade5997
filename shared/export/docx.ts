import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { fromBase64 } from '../backup.js';
import type { Convenant, ConvenantBlock, ConvenantItem } from './convenantTypes.js';
import { exportTexts } from './texts.js';
import { xmlSafeText } from '../cleanText.js';

const NUMBERED = 'convenant-numbered';

/** Runs for text with line breaks: a card's own lines stay lines. */
function runs(text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

function itemParagraphs(item: ConvenantItem, ordered: boolean, instance: number): Paragraph[] {
  return [
    new Paragraph({
      children: runs(item.text),
      ...(ordered ? { numbering: { reference: NUMBERED, level: 0, instance } } : { bullet: { level: 0 } }),
    }),
    ...(item.notes ?? []).map((n) => new Paragraph({ children: runs(n, { italics: true }), bullet: { level: 1 } })),
  ];
}

function cellOf(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: runs(text, { bold: header }) })],
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E2' } } : {}),
  });
}

function blockChildren(b: ConvenantBlock, nextInstance: () => number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text, { bold: b.strong }) })];
    case 'subheading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_3 })];
    case 'scoreChart':
      // A picture in the PDF only; the tables after it carry the same numbers.
      return [];
    case 'list': {
      // Each ordered list gets its own numbering instance, so it starts again at 1.
      const instance = b.ordered ? nextInstance() : 0;
      return b.items.flatMap((i) => itemParagraphs(i, b.ordered, instance));
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h) => cellOf(h, true)) }),
            ...b.rows.map((r) => new TableRow({ children: r.map((c) => cellOf(c, false)) })),
          ],
        }),
      ];
  }
}

/** The convenant input as a Word document: headings, paragraphs, bullet lists and a real table. */
export async function convenantToDocx(input: Convenant): Promise<Uint8Array> {
  // Every string the document holds, XML-safe: one U+0001 in a card would make the whole file unreadable [T10].
  const c = JSON.parse(JSON.stringify(input), (_k, v) => (typeof v === 'string' ? xmlSafeText(v) : v)) as Convenant;
  let instance = 0;
  const next = () => ++instance;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: c.heading, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: c.title, bold: true })] }),
    ...c.meta.map((m) => new Paragraph({ text: m })),
    new Paragraph({
      children: [new TextRun({ text: c.note, bold: true })],
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: '8A5A00', space: 8 } },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4DC' },
      spacing: { before: 200, after: 200 },
    }),
    ...c.intro.map((i) => new Paragraph({ text: i })),
  ];
  for (const s of c.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const b of s.blocks) children.push(...blockChildren(b, next));
  }
  const doc = new Document({
    creator: exportTexts(c.lang).madeWith,
    title: `${c.heading}: ${c.title}`,
    description: c.note,
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  // Base64 works the same in the browser and in Node (toBuffer is Node-only).
  return fromBase64(await Packer.toBase64String(doc));
}

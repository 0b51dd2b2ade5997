import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksToPlainText, readBlocks, writePlainText, type Block } from './richText.js';

/**
 * A tiny builder for the XML Tiptap (y-prosemirror) writes: elements named after nodes, text in XmlText,
 * marks as format attributes on the text ({ bold: true } here; y-prosemirror writes { bold: {} }).
 */
type Run = string | [string, Record<string, unknown>];
type Node = { el: string; children: Node[] } | { text: Run[] };

const el = (name: string, ...children: Node[]): Node => ({ el: name, children });
const txt = (...runs: Run[]): Node => ({ text: runs });
const p = (...runs: Run[]) => el('paragraph', txt(...runs));
const li = (...children: Node[]) => el('listItem', ...children);

function build(nodes: Node[]): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text');
  const insertInto = (parent: Y.XmlFragment | Y.XmlElement, list: Node[]) => {
    list.forEach((node, i) => {
      if ('el' in node) {
        const element = new Y.XmlElement(node.el);
        parent.insert(i, [element]);
        insertInto(element, node.children);
      } else {
        const text = new Y.XmlText();
        parent.insert(i, [text]);
        let at = 0;
        for (const run of node.text) {
          const [s, attrs] = typeof run === 'string' ? [run, {}] : run;
          text.insert(at, s, attrs);
          at += s.length;
        }
      }
    });
  };
  insertInto(fragment, nodes);
  return fragment;
}

describe('readBlocks', () => {
  it('[M11] keeps bold and italic runs of a paragraph and drops marks the schema does not know', () => {
    const fragment = build([
      p(
        'Gewoon ',
        ['vet', { bold: true }],
        ' en ',
        ['schuin', { italic: {} }],
        ' ',
        ['beide', { bold: true, italic: true }],
        [' link', { link: { href: 'x' } }],
      ),
    ]);
    expect(readBlocks(fragment)).toEqual<Block[]>([
      {
        type: 'paragraph',
        runs: [
          { text: 'Gewoon ' },
          { text: 'vet', bold: true },
          { text: ' en ' },
          { text: 'schuin', italic: true },
          { text: ' ' },
          { text: 'beide', bold: true, italic: true },
          { text: ' link' },
        ],
      },
    ]);
  });

  it('[M11] reads bullet and ordered lists item by item, with nested lists', () => {
    const fragment = build([
      p('Afspraken:'),
      el(
        'bulletList',
        li(p('Kennis ', ['delen', { bold: true }])),
        li(p('Samen '), el('bulletList', li(p('besluiten')))),
      ),
      el('orderedList', li(p('Eerst')), li(p('Dan'))),
    ]);
    const blocks = readBlocks(fragment);
    expect(blocks).toEqual<Block[]>([
      { type: 'paragraph', runs: [{ text: 'Afspraken:' }] },
      {
        type: 'bulletList',
        items: [
          [{ type: 'paragraph', runs: [{ text: 'Kennis ' }, { text: 'delen', bold: true }] }],
          [
            { type: 'paragraph', runs: [{ text: 'Samen ' }] },
            { type: 'bulletList', items: [[{ type: 'paragraph', runs: [{ text: 'besluiten' }] }]] },
          ],
        ],
      },
      {
        type: 'orderedList',
        items: [[{ type: 'paragraph', runs: [{ text: 'Eerst' }] }], [{ type: 'paragraph', runs: [{ text: 'Dan' }] }]],
      },
    ]);
    expect(blocksToPlainText(blocks)).toBe('Afspraken:\n• Kennis delen\n• Samen \n• besluiten\n1. Eerst\n2. Dan');
  });

  it('[M11] flattens unknown block nodes to a paragraph, turns hardBreak into a newline, skips embeds', () => {
    const fragment = build([
      el('heading', txt('Kop')),
      el('blockquote', p('ge', ['citeerd', { italic: true }])),
      el('paragraph', txt('regel 1'), el('hardBreak'), txt('regel 2')),
      txt('losse tekst'),
    ]);
    const embedded = fragment.get(3) as Y.XmlText;
    embedded.insertEmbed(0, { image: 'x.png' });
    expect(readBlocks(fragment)).toEqual<Block[]>([
      { type: 'paragraph', runs: [{ text: 'Kop' }] },
      { type: 'paragraph', runs: [{ text: 'ge' }, { text: 'citeerd', italic: true }] },
      { type: 'paragraph', runs: [{ text: 'regel 1' }, { text: '\n' }, { text: 'regel 2' }] },
      { type: 'paragraph', runs: [{ text: 'losse tekst' }] },
    ]);
  });

  it('[M11] an empty paragraph is a block without runs and an empty line', () => {
    const fragment = build([p('boven'), el('paragraph'), p('onder')]);
    const blocks = readBlocks(fragment);
    expect(blocks[1]).toEqual({ type: 'paragraph', runs: [] });
    expect(blocksToPlainText(blocks)).toBe('boven\n\nonder');
    expect(readBlocks(build([]))).toEqual([]);
  });
});

describe('writePlainText', () => {
  it('[M11] writes one paragraph per line and round-trips through readBlocks and blocksToPlainText', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text');
    writePlainText(fragment, 'Eén\n\nTwee — met ë, ß en 🙂');
    expect(fragment.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(readBlocks(fragment)).toEqual<Block[]>([
      { type: 'paragraph', runs: [{ text: 'Eén' }] },
      { type: 'paragraph', runs: [] },
      { type: 'paragraph', runs: [{ text: 'Twee — met ë, ß en 🙂' }] },
    ]);
    expect(blocksToPlainText(readBlocks(fragment))).toBe('Eén\n\nTwee — met ë, ß en 🙂');
  });

  it('[M11] replaces rich content entirely, and the empty string leaves one empty paragraph', () => {
    const fragment = build([p(['vet', { bold: true }]), el('bulletList', li(p('punt')))]);
    writePlainText(fragment, 'gewoon');
    expect(readBlocks(fragment)).toEqual([{ type: 'paragraph', runs: [{ text: 'gewoon' }] }]);
    writePlainText(fragment, '');
    expect(fragment.length).toBe(1);
    expect(blocksToPlainText(readBlocks(fragment))).toBe('');
  });

  it('[M11] random multi-line texts round-trip exactly', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ['samen', 'Wij', 'één', 'afspraak', '•', '1.', 'x', '🙂', '  ', 'tab\tje'];
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text');
    for (let n = 0; n < 200; n++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(rand() * 5);
      for (let i = 0; i < count; i++) {
        const len = Math.floor(rand() * 4);
        lines.push(Array.from({ length: len }, () => words[Math.floor(rand() * words.length)]).join(' '));
      }
      // blocksToPlainText trims the whole text, so only texts without outer whitespace round-trip exactly.
      const text = lines.join('\n').trim();
      writePlainText(fragment, text);
      expect(blocksToPlainText(readBlocks(fragment))).toBe(text);
    }
  });
});

describe('blocksToPlainText', () => {
  it('[M11] prefixes bullet items with "• " and ordered items with their number, and trims the result', () => {
    const blocks: Block[] = [
      { type: 'paragraph', runs: [] },
      {
        type: 'orderedList',
        items: [
          [{ type: 'paragraph', runs: [{ text: 'a' }] }],
          [{ type: 'paragraph', runs: [{ text: 'b', bold: true }] }],
          [{ type: 'paragraph', runs: [{ text: 'c' }] }],
        ],
      },
      { type: 'bulletList', items: [[{ type: 'paragraph', runs: [{ text: 'd' }, { text: 'e', italic: true }] }]] },
    ];
    expect(blocksToPlainText(blocks)).toBe('1. a\n2. b\n3. c\n• de');
    expect(blocksToPlainText([])).toBe('');
  });
});

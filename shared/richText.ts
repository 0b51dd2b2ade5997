import * as Y from 'yjs';

/**
 * A framework-free, serialisable view of a card's Y.XmlFragment, for static rendering and export.
 * Only the node and mark names the editor schema can produce are kept; anything else is flattened to text.
 */
export type InlineRun = { text: string; bold?: true; italic?: true };
export type Block =
  | { type: 'paragraph'; runs: InlineRun[] }
  | { type: 'bulletList'; items: Block[][] }
  | { type: 'orderedList'; items: Block[][] };

function runsOfText(text: Y.XmlText): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') continue;
    const run: InlineRun = { text: op.insert };
    if (op.attributes?.bold) run.bold = true;
    if (op.attributes?.italic) run.italic = true;
    runs.push(run);
  }
  return runs;
}

function runsOf(el: Y.XmlElement | Y.XmlFragment): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      runs.push(...runsOfText(child));
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') runs.push({ text: '\n' });
      else runs.push(...runsOf(child));
    }
  }
  return runs;
}

function blocksOf(parent: Y.XmlFragment | Y.XmlElement): Block[] {
  const blocks: Block[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      const runs = runsOfText(child);
      if (runs.length) blocks.push({ type: 'paragraph', runs });
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'bulletList' || child.nodeName === 'orderedList') {
      const items = child
        .toArray()
        .filter((li): li is Y.XmlElement => li instanceof Y.XmlElement)
        .map((li) => blocksOf(li));
      blocks.push({ type: child.nodeName, items });
    } else {
      blocks.push({ type: 'paragraph', runs: runsOf(child) });
    }
  }
  return blocks;
}

export function readBlocks(fragment: Y.XmlFragment): Block[] {
  return blocksOf(fragment);
}

export function blocksToPlainText(blocks: Block[]): string {
  const lines: string[] = [];
  const walk = (bs: Block[], prefix: string) => {
    for (const b of bs) {
      if (b.type === 'paragraph') lines.push(prefix + b.runs.map((r) => r.text).join(''));
      else b.items.forEach((item, i) => walk(item, b.type === 'bulletList' ? '• ' : `${i + 1}. `));
    }
  };
  walk(blocks, '');
  return lines.join('\n').trim();
}

/** Replace a fragment's content by plain paragraphs (seeding, tests, typing for someone else). */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  if (fragment.length) fragment.delete(0, fragment.length);
  const paragraphs = text.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.insert(0, paragraphs);
}

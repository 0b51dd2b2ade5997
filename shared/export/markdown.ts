import type { Convenant, ConvenantBlock, ConvenantItem } from './convenantTypes.js';

/** Escape characters that would start emphasis, code, links, HTML or a table cell inside a line. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * Escape text from cards so it reads as typed: a card starting with "#" or "1." or holding "*" must
 * not turn into a heading, list or emphasis.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#+-]|=+$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Lines of one statement; a backslash at the end keeps a card's own line breaks (CommonMark hard break). */
function multiline(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdown(line.trim()))
    .join(`\\\n${indent}`);
}

function item(i: ConvenantItem, marker: string): string {
  const indent = ' '.repeat(marker.length + 1);
  const lines = [`${marker} ${multiline(i.text, indent)}`];
  for (const note of i.notes ?? []) lines.push(`${indent}- *${multiline(note, `${indent}  `)}*`);
  return lines.join('\n');
}

function cell(text: string): string {
  return text
    .split('\n')
    .map((l) => escapeInline(l.trim()))
    .join('<br>');
}

function block(b: ConvenantBlock): string | null {
  switch (b.kind) {
    case 'scoreChart':
      // A picture; the tables after it carry the same numbers.
      return null;
    case 'paragraph':
      return b.strong ? `**${multiline(b.text, '')}**` : multiline(b.text, '');
    case 'subheading':
      return `### ${escapeInline(b.text)}`;
    case 'list':
      return b.items.map((it, i) => item(it, b.ordered ? `${i + 1}.` : '-')).join('\n');
    case 'table':
      return [
        `| ${b.header.map(cell).join(' | ')} |`,
        `| ${b.header.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
  }
}

/** The convenant input as GitHub-flavoured Markdown (the action plan is a pipe table). */
export function convenantToMarkdown(c: Convenant): string {
  const parts: string[] = [
    `# ${escapeInline(c.heading)}`,
    `**${escapeMarkdown(c.title)}**\\\n${c.meta.map(escapeMarkdown).join('\\\n')}`,
    `> **${escapeMarkdown(c.note)}**`,
    ...c.intro.map(escapeMarkdown),
  ];
  for (const s of c.sections) {
    parts.push(`## ${escapeInline(s.heading)}`);
    for (const b of s.blocks) {
      const md = block(b);
      if (md !== null) parts.push(md);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

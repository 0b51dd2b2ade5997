import { COLUMNS } from '../columns.js';
import { groupStatements } from '../compare/similarity.js';
import { partnerOf, type ExportInput } from './exportInput.js';
import type { ConvenantBlock } from './convenantTypes.js';
import type { ExportTexts } from './texts.js';

/**
 * The annex for the partners-first flow: per column, what each partner map said. Statements are
 * grouped with the same Dutch-aware similarity the compare view uses, so "only this partner"
 * means the same here as on screen.
 */
export function partnerDiffBlocks(input: ExportInput, t: ExportTexts): ConvenantBlock[] {
  const maps = input.partnerMaps ?? {};
  // Partners in workshop order first, then any map of a partner the workshop no longer lists.
  const ids = [
    ...input.partners.map((p) => p.id as string).filter((id) => maps[id]),
    ...Object.keys(maps).filter((id) => !input.partners.some((p) => p.id === id)),
  ];
  const blocks: ConvenantBlock[] = [{ kind: 'paragraph', text: t.annexIntro }];
  for (const col of COLUMNS) {
    blocks.push({ kind: 'subheading', text: t.stepRef(col.step, col.label[input.lang]) });
    const statements = ids.flatMap((source) =>
      (maps[source].columns[col.id] ?? []).map((card) => ({
        id: `${source}:${card.id}`,
        text: card.plainText,
        source,
      })),
    );
    const groupOf = new Map<string, string[]>();
    for (const g of groupStatements(statements)) for (const id of g.ids) groupOf.set(id, g.sources);
    for (const source of ids) {
      blocks.push({ kind: 'paragraph', text: partnerOf(input, source).name, strong: true });
      const mine = statements.filter((s) => s.source === source);
      if (!mine.length) {
        blocks.push({ kind: 'paragraph', text: t.annexNoCards });
        continue;
      }
      blocks.push({
        kind: 'list',
        ordered: false,
        items: mine.map((s) => {
          const others = (groupOf.get(s.id) ?? [source]).filter((p) => p !== source);
          const note = others.length
            ? t.alsoAt(others.map((p) => partnerOf(input, p).name).join(', '))
            : t.onlyThisPartner;
          return { text: s.text || t.emptyCard, notes: [note] };
        }),
      });
    }
  }
  return blocks;
}

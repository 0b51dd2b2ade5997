import { COLUMNS } from '../columns.js';
import { groupPartnerCards } from '../compare/partnerGroups.js';
import { partnerOf, type ExportInput } from './exportInput.js';
import type { ConvenantBlock } from './convenantTypes.js';
import type { ExportTexts } from './texts.js';

/**
 * The annex for the partners-first flow: per column, what each partner map said. Cards are grouped
 * by the compare view's own function with the facilitator's split and join decisions, so "only
 * this partner" and "also at" mean the same here as on screen ([C8]).
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
    const perPartner = ids.map((source) => ({ partnerId: source, cards: maps[source].columns[col.id] ?? [] }));
    // The same groups as the compare view, the facilitator's split and join included ([C8]).
    const groupOf = new Map<string, string[]>();
    for (const g of groupPartnerCards(perPartner, input.pairDecisions))
      for (const id of g.ids) groupOf.set(id, g.sources);
    for (const source of ids) {
      blocks.push({ kind: 'paragraph', text: partnerOf(input, source).name, strong: true });
      const mine = perPartner.find((p) => p.partnerId === source)?.cards ?? [];
      if (!mine.length) {
        blocks.push({ kind: 'paragraph', text: t.annexNoCards });
        continue;
      }
      blocks.push({
        kind: 'list',
        ordered: false,
        items: mine.map((card) => {
          const others = (groupOf.get(card.id) ?? [source]).filter((p) => p !== source);
          const note = others.length
            ? t.alsoAt(others.map((p) => partnerOf(input, p).name).join(', '))
            : t.onlyThisPartner;
          return { text: card.plainText || t.emptyCard, notes: [note] };
        }),
      });
    }
  }
  return blocks;
}

import { COLUMNS, getColumn, type ColumnId } from '../columns.js';
import { DIALOGUE_RULES } from '../dialogue.js';
import { EXPORT_CATALOGUES } from '../i18n/exportCatalogues.js';
import type { CardSnapshot } from '../readModel.js';
import type { Convenant, ConvenantBlock, ConvenantItem, ConvenantSection } from './convenantTypes.js';
import { formatExportDate, isJointMap, partnerOf, type ExportInput } from './exportInput.js';
import { linkNotes, signoffBlocks, type LinkNotes } from './linksSignoff.js';
import { partnerDiffBlocks } from './partnerDiff.js';
import { followUpCell, followUpTexts } from './standVanZaken.js';
import { exportTexts, type ExportTexts } from './texts.js';
import { scoreSection } from './scoreSection.js';

export type * from './convenantTypes.js';

/**
 * The agreed cards of a column, each as it was agreed [K4]: the server keeps that version
 * (`agreedVersion`) and opens a card again when it changes, so the two agree; cards agreed before
 * the version was kept print as they are.
 */
const agreed = (input: ExportInput, column: ColumnId): CardSnapshot[] =>
  (input.map.columns[column] ?? [])
    .filter((c) => c.status === 'agreed')
    .map((c) => {
      const v = c.agreedVersion;
      return v ? { ...c, plainText: v.text, who: v.who, what: v.what, when: v.when } : c;
    });

const cardText = (card: CardSnapshot, t: ExportTexts) => card.plainText.trim() || t.emptyCard;

/** "From step 2: Relations." and the agreed cards of that column, or a plain "nothing yet". */
function columnBlocks(input: ExportInput, column: ColumnId, t: ExportTexts, links: LinkNotes): ConvenantBlock[] {
  const col = getColumn(column);
  const cards = agreed(input, column);
  const item = (c: CardSnapshot): ConvenantItem => {
    // [L6] what the card contributes to, with the codes of the map.
    const note = links.note(c);
    return note ? { text: cardText(c, t), notes: [note] } : { text: cardText(c, t) };
  };
  return [
    { kind: 'paragraph', text: t.fromStep(col.step, col.label[input.lang]) },
    cards.length
      ? { kind: 'list', ordered: false, items: cards.map(item) }
      : { kind: 'paragraph', text: t.nothingAgreed },
  ];
}

function actionPlan(input: ExportInput, t: ExportTexts, links: LinkNotes): ConvenantBlock[] {
  const cards = agreed(input, 'steps');
  const h = t.actionHeader;
  const followingUp = cards.some((c) => followUpCell(input, c) !== '');
  if (!cards.length)
    return [
      { kind: 'paragraph', text: t.actionPlanIntro },
      { kind: 'paragraph', text: t.noActions },
    ];
  const rows = cards.map((c, i) => {
    const text = cardText(c, t);
    const what = c.what.trim() || text;
    // The card text is a note only when it says more than the "what" field; then what it contributes to [L6].
    const notes = [what === text ? '' : text, links.note(c) ?? ''].filter(Boolean).join('\n');
    const row = [String(i + 1), what, c.who.trim() || t.notFilled, c.when.trim() || t.notFilled, notes];
    // Owner, due date and status once the actions are followed up [J8].
    return followingUp ? [...row, followUpCell(input, c)] : row;
  });
  const header = [h.nr, h.what, h.who, h.when, h.notes];
  return [
    { kind: 'paragraph', text: t.actionPlanIntro },
    { kind: 'table', header: followingUp ? [...header, followUpTexts(input.lang).x.followUpColumn] : header, rows },
  ];
}

/** Every card not agreed, from every column, with its status and arguments, so no view disappears. */
function openPoints(input: ExportInput, t: ExportTexts): ConvenantBlock[] {
  const blocks: ConvenantBlock[] = [{ kind: 'paragraph', text: t.openPointsIntro }];
  let any = false;
  for (const col of COLUMNS) {
    const cards = (input.map.columns[col.id] ?? []).filter((c) => c.status !== 'agreed');
    if (!cards.length) continue;
    any = true;
    blocks.push({ kind: 'subheading', text: t.stepRef(col.step, col.label[input.lang]) });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: cards.map((c) => ({
        text: cardText(c, t),
        notes: [
          t.statusWord[c.status],
          ...(col.id === 'steps' && (c.who || c.what || c.when)
            ? [t.stepFields(c.who.trim(), c.what.trim(), c.when.trim())]
            : []),
          ...c.arguments.map((a) => `${a.side === 'for' ? t.argumentFor : t.argumentAgainst} ${a.text}`),
        ],
      })),
    });
  }
  if (!any) blocks.push({ kind: 'paragraph', text: t.noOpenPoints });
  return blocks;
}

/**
 * The input for the partnership agreement, built from one map. Only agreed cards go into the main
 * sections; open and parked cards are listed as open points; the partner maps' differences go to
 * an annex when the partners filled their own maps first. Participants' names are left out: the
 * agreement may be published, and it is the partners who sign.
 */
export function buildConvenant(input: ExportInput): Convenant {
  const t = exportTexts(input.lang);
  const links = linkNotes(input.map, input.lang);
  const mapLabel = isJointMap(input) ? t.jointMap : t.partnerMap(partnerOf(input, input.mapName).name);
  const filler = input.filledBy?.trim();
  const sections: ConvenantSection[] = [
    {
      id: 'parties',
      heading: t.parties,
      blocks: input.partners.length
        ? [
            { kind: 'paragraph', text: t.partiesIntro },
            {
              kind: 'list',
              ordered: false,
              items: input.partners.map((p) => ({
                text: t.party(p.name, input.representatives?.[p.id] ?? []),
                notes: [t.roleAndMandate],
              })),
            },
          ]
        : [{ kind: 'paragraph', text: t.noPartners }],
    },
    {
      id: 'ambition',
      heading: t.ambition,
      blocks: [{ kind: 'paragraph', text: t.ambitionIntro }, ...columnBlocks(input, 'values', t, links)],
    },
    {
      id: 'principles',
      heading: t.principles,
      blocks: [
        { kind: 'subheading', text: t.principlesFromMap },
        ...columnBlocks(input, 'relations', t, links),
        { kind: 'subheading', text: t.dialogueRules },
        { kind: 'paragraph', text: t.dialogueRulesIntro },
        { kind: 'list', ordered: true, items: DIALOGUE_RULES.map((r) => ({ text: r.text[input.lang] })) },
      ],
    },
    { id: 'roles', heading: t.roles, blocks: columnBlocks(input, 'actions', t, links) },
    { id: 'resources', heading: t.resources, blocks: columnBlocks(input, 'conditions', t, links) },
    { id: 'actionPlan', heading: t.actionPlan, blocks: actionPlan(input, t, links) },
    { id: 'openPoints', heading: t.openPoints, blocks: openPoints(input, t) },
  ];
  if (input.signoff?.length) {
    // [N3] the sign-off per partner, where a convenant has its signatures.
    sections.push({
      id: 'signoff',
      heading: EXPORT_CATALOGUES[input.lang].linksExport.signoffHeading,
      blocks: signoffBlocks(input.signoff, input.lang),
    });
  }
  const scores = scoreSection(input);
  if (scores) sections.push(scores);
  if (input.partnerMaps && Object.keys(input.partnerMaps).length) {
    sections.push({ id: 'annex', heading: t.annex, blocks: partnerDiffBlocks(input, t) });
  }
  return {
    lang: input.lang,
    heading: t.convenantTitle,
    title: input.title,
    meta: [
      t.dateLine(formatExportDate(input.date, input.lang)),
      `${t.mapLine} ${filler ? t.mapWithFiller(mapLabel, filler) : mapLabel}`,
    ],
    note: t.note,
    intro: [t.onlyAgreedNote, t.attachMap],
    sections,
  };
}

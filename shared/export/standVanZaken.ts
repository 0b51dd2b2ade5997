import type { ActionStatus } from '../card/fields.js';
import { actionsByValue, agreedActions, isOverdue, statusCounts } from '../followUp.js';
import { EXPORT_CATALOGUES } from '../i18n/exportCatalogues.js';
import { interpolate, type Vars } from '../i18n/translate.js';
import type { CardSnapshot } from '../readModel.js';
import type { Convenant, ConvenantItem } from './convenantTypes.js';
import { formatExportDate, partnerOf, type ExportInput } from './exportInput.js';
import { scoreLineBlocks, scoreLineTexts } from './scoreLineSection.js';

/**
 * The "stand van zaken" export [J8]: every agreed action with owner, due date, status and note,
 * per value it serves (with a count per status) and as one table. Built as the convenant's document
 * model, so Markdown, Word and PDF render it as they render the convenant. "Te laat" is judged on the
 * export's date (the facilitator's own day, sent by the console).
 */

type FollowUpKey = keyof (typeof EXPORT_CATALOGUES)['nl']['followUpText'];

export function followUpTexts(lang: ExportInput['lang']) {
  const x = EXPORT_CATALOGUES[lang].followUpText;
  const t = (key: FollowUpKey, vars: Vars = {}) => interpolate(x[key] as string, vars);
  return { t, x, status: (s: ActionStatus) => t(`status_${s}`) };
}

/** The owner's name: the partner's, or the person's (people by participant id), '' when none. */
export function ownerName(input: ExportInput, action: CardSnapshot): string {
  const o = action.actionOwner;
  if (!o) return '';
  return o.kind === 'partner' ? partnerOf(input, o.id).name : (input.people?.[o.id] ?? '');
}

const actionText = (a: CardSnapshot) => (a.agreedVersion?.text || a.plainText).trim() || a.what;

/** Owner, due date and status of an action in one cell, for the convenant's action plan [J8]. */
export function followUpCell(input: ExportInput, action: CardSnapshot): string {
  const { t, status } = followUpTexts(input.lang);
  if (!action.actionOwner && !action.actionDue && action.actionStatus === 'planned') return '';
  return t('followUpCell', {
    owner: ownerName(input, action) || '–',
    due: action.actionDue ? formatExportDate(action.actionDue, input.lang) : '–',
    status: status(action.actionStatus),
  });
}

export function buildStandVanZaken(input: ExportInput): Convenant {
  const { t, x, status } = followUpTexts(input.lang);
  const today =
    typeof input.date === 'string' ? input.date.slice(0, 10) : new Date(input.date).toISOString().slice(0, 10);
  const notes = (a: CardSnapshot): string[] => {
    const owner = ownerName(input, a);
    const late = isOverdue(a, today);
    return [
      owner ? t('owner', { owner }) : x.noOwner,
      ...(a.actionDue ? [t('due', { date: formatExportDate(a.actionDue, input.lang) })] : []),
      t('status', { status: status(a.actionStatus) }) + (late ? ` (${x.late})` : ''),
      ...(a.actionNote ? [t('noteLine', { note: a.actionNote })] : []),
    ];
  };
  const actions = agreedActions(input.map);
  const groups = actionsByValue(input.map);
  const byValue = groups.flatMap((g) => {
    const counts = statusCounts(g.actions);
    const items = g.actions.map((a): ConvenantItem => ({ text: actionText(a), notes: notes(a) }));
    return [
      { kind: 'subheading' as const, text: g.value ? t('value', { value: g.value.plainText }) : x.noValue },
      { kind: 'paragraph' as const, text: t('counts', counts) },
      { kind: 'list' as const, ordered: false, items },
    ];
  });
  const h = x.header;
  const rows = actions.map((a, i) => [
    String(i + 1),
    actionText(a),
    ownerName(input, a),
    a.actionDue ? formatExportDate(a.actionDue, input.lang) + (isOverdue(a, today) ? ` (${x.late})` : '') : '',
    status(a.actionStatus),
    a.actionNote,
  ]);
  const none = [{ kind: 'paragraph' as const, text: x.noActions }];
  // [Y8] How the collaboration went over the meetings, when any meeting had scores.
  const scores = scoreLineBlocks(input);
  return {
    lang: input.lang,
    heading: x.heading,
    title: input.title,
    meta: [t('dateLine', { date: formatExportDate(input.date, input.lang) })],
    note: x.note,
    intro: [],
    sections: [
      { id: 'progressByValue', heading: x.byValue, blocks: byValue.length ? byValue : none },
      {
        id: 'progressByAction',
        heading: x.byAction,
        blocks: rows.length
          ? [{ kind: 'table', header: [h.nr, h.action, h.owner, h.due, h.status, h.note], rows }]
          : none,
      },
      ...(scores.length
        ? [{ id: 'scoreLine' as const, heading: scoreLineTexts(input.lang)('heading'), blocks: scores }]
        : []),
    ],
  };
}

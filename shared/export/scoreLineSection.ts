import { EXPORT_CATALOGUES } from '../i18n/exportCatalogues.js';
import { interpolate, type Vars } from '../i18n/translate.js';
import { lineHasScores, meetingRows, scoreLine } from '../scoreLine.js';
import type { ConvenantBlock } from './convenantTypes.js';
import { formatExportDate, partnerOf, type ExportInput } from './exportInput.js';

type Key = keyof (typeof EXPORT_CATALOGUES)['nl']['scoreLineExport'];

export function scoreLineTexts(lang: ExportInput['lang']) {
  const x = EXPORT_CATALOGUES[lang].scoreLineExport;
  return (key: Key, vars: Vars = {}) => interpolate(x[key], vars);
}

/**
 * [Y8] The check-in and check-out scores over the meetings, for the convenant and the stand van
 * zaken: the line as a picture (the PDF draws it), then per meeting a table with everyone and each
 * partner with averages, read through `scoreLine` so the threshold of [Y3] holds here as on screen.
 * Empty when no meeting has averages.
 */
export function scoreLineBlocks(input: ExportInput): ConvenantBlock[] {
  const line = scoreLine(input.meetings ?? [], input.scoreRounds ?? []);
  if (!lineHasScores(line)) return [];
  const { lang } = input;
  const say = scoreLineTexts(lang);
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const shortDate = (d: string) =>
    new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${d}T00:00:00Z`));
  const order = input.partners.map((p) => p.id as string);
  const blocks: ConvenantBlock[] = [
    { kind: 'paragraph', text: say('intro') },
    {
      kind: 'scoreChart',
      line,
      alt: say('chartAlt', { count: line.length }),
      labels: {
        klik: say('klik'),
        taak: say('taak'),
        checkin: say('checkin'),
        checkout: say('checkout'),
        meetings: line.map((m) => say('meetingShort', { n: m.meeting.n, date: shortDate(m.meeting.date) })),
      },
    },
  ];
  for (const m of line) {
    blocks.push({
      kind: 'subheading',
      text: say('meeting', { n: m.meeting.n, date: formatExportDate(m.meeting.date, lang) }),
    });
    const rows = meetingRows(m, order);
    if (rows.length === 0) {
      blocks.push({ kind: 'paragraph', text: say('none') });
      continue;
    }
    blocks.push({
      kind: 'table',
      header: [say('moment'), say('who'), say('answered'), say('klik'), say('taak')],
      weights: [1.2, 2, 1.1, 1.1, 1.1],
      rows: rows.map((r) => [
        say(r.kind),
        r.who.kind === 'overall' ? say('everyone') : partnerOf(input, r.who.id).name,
        String(r.answered),
        r.scores ? n(r.scores.klik) : say('tooFew'),
        r.scores ? n(r.scores.taak) : '',
      ]),
    });
    for (const kind of ['checkin', 'checkout'] as const) {
      const words = m[kind]?.words ?? [];
      if (words.length)
        blocks.push({
          kind: 'paragraph',
          text: say('words', { kind: say(kind).toLowerCase(), words: words.join(', ') }),
        });
    }
  }
  return blocks;
}

import { EXPORT_CATALOGUES } from '../i18n/exportCatalogues.js';
import { interpolate, type Vars } from '../i18n/translate.js';
import { scoreLine } from '../scoreLine.js';
import type { ScoreRound } from '../scores.js';
import { scoreLineBlocks, scoreLineTexts } from './scoreLineSection.js';
import type { ConvenantBlock, ConvenantSection } from './convenantTypes.js';
import { formatExportDate, partnerOf, type ExportInput } from './exportInput.js';

/**
 * [Y4] The convenant's section on the check-ins and check-outs: per closed round its aggregate as the
 * server wrote it ([Y3]), never more. Absent when the workshop had none.
 */
export function scoreSection(input: ExportInput): ConvenantSection | null {
  // [Y8] With a trajectory the line over the meetings comes first; only the rounds not on it follow.
  const line = scoreLineBlocks(input);
  const onLine = new Set(
    scoreLine(input.meetings ?? [], input.scoreRounds ?? []).flatMap((m) =>
      [m.checkin, m.checkout].flatMap((x) => (x ? [x.roundId] : [])),
    ),
  );
  const rounds = (input.scoreRounds ?? []).filter(
    (r): r is ScoreRound & { result: NonNullable<ScoreRound['result']> } =>
      Boolean(r.result) && !(line.length && onLine.has(r.id)),
  );
  if (rounds.length === 0 && line.length === 0) return null;
  const { lang } = input;
  const texts = EXPORT_CATALOGUES[lang].votesExport;
  const say = (key: keyof typeof texts, vars: Vars = {}) => interpolate(texts[key], vars);
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const blocks: ConvenantBlock[] = line.length ? [...line] : [{ kind: 'paragraph', text: say('intro') }];
  if (line.length && rounds.length) blocks.push({ kind: 'subheading', text: scoreLineTexts(lang)('otherRounds') });
  for (const r of rounds) {
    blocks.push({
      kind: 'subheading',
      text: say('round', {
        kind: say(r.kind),
        date: formatExportDate(r.closedAt ?? r.openedAt, lang),
      }),
    });
    blocks.push({
      kind: 'paragraph',
      text: say(r.result.answered === 1 ? 'answered_one' : 'answered_other', { count: r.result.answered }),
    });
    if (!r.result.overall) {
      blocks.push({ kind: 'paragraph', text: say('tooFew') });
      continue;
    }
    blocks.push({
      kind: 'table',
      header: [say('who'), say('klik'), say('taak')],
      rows: [
        [say('overall'), n(r.result.overall.klik), n(r.result.overall.taak)],
        ...Object.entries(r.result.perPartner).map(([id, p]) => [
          `${partnerOf(input, id).name} (${p.answered})`,
          n(p.klik),
          n(p.taak),
        ]),
      ],
    });
    if (r.result.words.length)
      blocks.push({
        kind: 'paragraph',
        text: say('words', { words: r.result.words.join(', ') }),
      });
  }
  return { id: 'scores', heading: say('heading'), blocks };
}

import { translate } from '../i18n/translate.js';
import type { ScoreRound } from '../scores.js';
import type { ConvenantBlock, ConvenantSection } from './convenantTypes.js';
import { formatExportDate, partnerOf, type ExportInput } from './exportInput.js';

/**
 * [Y4] The convenant's section on the check-ins and check-outs: per closed round its aggregate as the
 * server wrote it ([Y3]), never more. Absent when the workshop had none.
 */
export function scoreSection(input: ExportInput): ConvenantSection | null {
  const rounds = (input.scoreRounds ?? []).filter(
    (r): r is ScoreRound & { result: NonNullable<ScoreRound['result']> } => Boolean(r.result),
  );
  if (rounds.length === 0) return null;
  const { lang } = input;
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const blocks: ConvenantBlock[] = [{ kind: 'paragraph', text: translate(lang, 'votes.export.intro') }];
  for (const r of rounds) {
    blocks.push({
      kind: 'subheading',
      text: translate(lang, 'votes.export.round', {
        kind: translate(lang, r.kind === 'checkin' ? 'votes.score.checkin' : 'votes.score.checkout'),
        date: formatExportDate(r.closedAt ?? r.openedAt, lang),
      }),
    });
    blocks.push({ kind: 'paragraph', text: translate(lang, 'votes.export.answered', { count: r.result.answered }) });
    if (!r.result.overall) {
      blocks.push({ kind: 'paragraph', text: translate(lang, 'votes.export.tooFew') });
      continue;
    }
    blocks.push({
      kind: 'table',
      header: [
        translate(lang, 'votes.export.who'),
        translate(lang, 'votes.export.klik'),
        translate(lang, 'votes.export.taak'),
      ],
      rows: [
        [translate(lang, 'votes.export.overall'), n(r.result.overall.klik), n(r.result.overall.taak)],
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
        text: translate(lang, 'votes.export.words', { words: r.result.words.join(', ') }),
      });
  }
  return { id: 'scores', heading: translate(lang, 'votes.export.heading'), blocks };
}

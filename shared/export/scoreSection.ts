import { EXPORT_CATALOGUES } from '../i18n/exportCatalogues.js';
import { interpolate, type Vars } from '../i18n/translate.js';
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
  const texts = EXPORT_CATALOGUES[lang].votesExport;
  const say = (key: keyof typeof texts, vars: Vars = {}) => interpolate(texts[key], vars);
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const blocks: ConvenantBlock[] = [{ kind: 'paragraph', text: say('intro') }];
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

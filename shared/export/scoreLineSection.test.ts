import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExportFonts } from '../../server/export/fonts.js';
import type { ScoreResult } from '../rounds/rounds.js';
import type { ScoreRound } from '../scores.js';
import type { Meeting } from '../trajectory.js';
import { buildConvenant } from './convenant.js';
import { convenantToPdf } from './convenantPdf.js';
import { convenantToDocx } from './docx.js';
import type { ExportInput } from './exportInput.js';
import { convenantToMarkdown } from './markdown.js';
import { buildStandVanZaken } from './standVanZaken.js';
import { fixtureInput } from './testing/fixtureMap.js';
import { readStructTree, type StructNode } from './testing/structTree.js';

const dir = mkdtempSync(join(tmpdir(), 'pkl-scoreline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meetings: Meeting[] = [
  { id: 'm1', n: 1, date: '2026-03-05', goal: '', steps: ['values'] },
  { id: 'm2', n: 2, date: '2026-03-12', goal: '', steps: ['review', 'steps'] },
];

function withScores(lang: 'nl' | 'en' = 'nl'): ExportInput {
  const base = { ...fixtureInput(5), lang };
  const [a, b] = base.partners.map((p) => p.id as string);
  const result = (
    answered: number,
    over: ScoreResult['overall'],
    per: ScoreResult['perPartner'],
    words: string[] = [],
  ) => ({
    kind: 'scores' as const,
    answered,
    overall: over,
    perPartner: per,
    words,
  });
  const scoreRounds: ScoreRound[] = [
    {
      id: 'i1',
      kind: 'checkin',
      openedAt: 1,
      closedAt: 2,
      meeting: 'm1',
      result: result(4, { klik: 5, taak: 6 }, { [a]: { answered: 3, klik: 6, taak: 5 } }, ['benieuwd', 'hoopvol']),
    },
    // Below the threshold also when the stored aggregate says more: nothing but the count comes out.
    {
      id: 'o1',
      kind: 'checkout',
      openedAt: 3,
      closedAt: 4,
      meeting: 'm1',
      result: result(2, { klik: 9, taak: 9 }, {}, ['x']),
    },
    {
      id: 'i2',
      kind: 'checkin',
      openedAt: 5,
      closedAt: 6,
      meeting: 'm2',
      result: result(
        6,
        { klik: 7.5, taak: 8 },
        { [a]: { answered: 3, klik: 7, taak: 8 }, [b]: { answered: 3, klik: 8, taak: 8 } },
      ),
    },
    { id: 'loose', kind: 'checkout', openedAt: 7, closedAt: 8, result: result(3, { klik: 4, taak: 4 }, {}) },
  ];
  return { ...base, meetings, scoreRounds };
}

const find = (n: StructNode, type: string): StructNode[] =>
  (n.type === type ? [n] : []).concat(n.children.flatMap((c) => find(c, type)));

describe('the line of check-in and check-out scores in the exports', () => {
  it('[Y8] the stand van zaken has a table per meeting: everyone and each partner with averages, too few answers shown as such', () => {
    const input = withScores();
    const [a, b] = input.partners;
    const md = convenantToMarkdown(buildStandVanZaken(input));
    const section = md.slice(md.indexOf('## De klik en de taak over de bijeenkomsten'));
    expect(section).toContain('### Bijeenkomst 1 – 5 maart 2026');
    expect(section).toContain('| Moment | Wie | Antwoorden | De klik | De taak |');
    expect(section).toContain('| Check-in | Iedereen | 4 | 5 | 6 |');
    expect(section).toContain(`| Check-in | ${a.name} | 3 | 6 | 5 |`);
    expect(section).toContain('| Check-out | Iedereen | 2 | te weinig antwoorden |  |');
    expect(section).toContain('Woorden bij de check-in: benieuwd, hoopvol');
    expect(section).not.toContain('x');
    expect(section).toContain('### Bijeenkomst 2 – 12 maart 2026');
    expect(section).toContain('| Check-in | Iedereen | 6 | 7,5 | 8 |');
    expect(section).toContain(`| Check-in | ${b.name} | 3 | 8 | 8 |`);
    // Not on the line: the check-out opened while no meeting went on.
    expect(section).not.toContain('| 4 | 4 |');
    // Without scores on any meeting, no section.
    expect(convenantToMarkdown(buildStandVanZaken({ ...input, scoreRounds: [] }))).not.toContain('De klik en de taak');

    const en = convenantToMarkdown(buildStandVanZaken(withScores('en')));
    expect(en).toContain('## De klik and de taak over the meetings');
    expect(en).toContain('| Check-out | Everyone | 2 | too few answers |  |');
  });

  it('[Y8] the convenant puts the line first and lists the other check-ins after it', () => {
    const md = convenantToMarkdown(buildConvenant(withScores()));
    const section = md.slice(md.indexOf('## Hoe staat de samenwerking ervoor?'));
    expect(section.indexOf('### Bijeenkomst 1 – 5 maart 2026')).toBeGreaterThan(0);
    expect(section.indexOf('### Andere check-ins en check-outs')).toBeGreaterThan(section.indexOf('### Bijeenkomst 2'));
    expect(section).toContain('| Iedereen | 4 | 4 |');
    // A round on the line is not listed twice.
    expect(section.match(/\| Iedereen \| 7,5 \| 8 \|/g)).toBeNull();
  });

  it('[Y8] in the PDF the line is a figure with a text alternative, its labels real text; Word opens with the tables', async () => {
    const input = withScores();
    const fonts = await readExportFonts();
    const file = join(dir, 'stand.pdf');
    writeFileSync(file, await convenantToPdf(buildStandVanZaken(input), fonts));
    const figures = find(readStructTree(file).root, 'Figure');
    expect(figures).toHaveLength(1);
    expect(figures[0].alt).toContain('Lijn van de klik en de taak over 2 bijeenkomsten');
    expect(figures[0].mcids).toBeGreaterThan(0);
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // Table cells may wrap: compare without line breaks.
    const flat = text.replace(/\s+/g, ' ');
    for (const label of ['B1 · 5 mrt', 'B2 · 12 mrt', 'De klik', 'De taak', '7,5', 'te weinig antwoorden'])
      expect(flat).toContain(label);
    // The convenant's PDF has the same figure; Word has the tables (the picture is the PDF's).
    const conv = join(dir, 'convenant.pdf');
    writeFileSync(conv, await convenantToPdf(buildConvenant(input), fonts));
    expect(find(readStructTree(conv).root, 'Figure')).toHaveLength(1);
    const docx = await convenantToDocx(buildStandVanZaken(input));
    expect(docx.byteLength).toBeGreaterThan(1000);
  }, 60_000);
});

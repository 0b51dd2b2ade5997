import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExportFonts } from '../../server/export/fonts.js';
import type { CardLink } from '../card/fields.js';
import type { MapSnapshot } from '../readModel.js';
import { signoffTable } from '../signoff.js';
import { buildConvenant } from './convenant.js';
import { convenantToDocx } from './docx.js';
import type { ExportInput } from './exportInput.js';
import { convenantToMarkdown } from './markdown.js';
import { renderMapPdf } from './pdf.js';
import { FIXTURE_PARTNERS, makeMap, type CardSpec } from './testing/fixtureMap.js';
import { strFromU8, unzipSync } from 'fflate';

const specs: CardSpec[] = [
  { id: 'v1', column: 'values', text: 'Iedereen doet mee', status: 'agreed' },
  { id: 'v2', column: 'values', text: 'Mantelzorgers houden het vol', status: 'agreed' },
  { id: 'r1', column: 'relations', text: 'Korte lijnen tussen wijkteam en huisarts', status: 'agreed' },
  {
    id: 's1',
    column: 'steps',
    text: 'Mantelzorgcafé elke maand',
    status: 'agreed',
    who: 'Welzijn',
    what: 'Café',
    when: 'mei',
  },
];
const LINKS: Record<string, Record<string, CardLink>> = {
  r1: { v2: { by: 'p', at: 1 } },
  s1: { v2: { by: 'p', at: 1 }, r1: { by: 'p', at: 2 }, gone: { by: 'p', at: 3 } },
};

function linkedMap(): MapSnapshot {
  const map = makeMap(specs);
  const columns = Object.fromEntries(
    Object.entries(map.columns).map(([k, cards]) => [k, cards.map((c) => ({ ...c, links: LINKS[c.id] ?? {} }))]),
  ) as unknown as MapSnapshot['columns'];
  return { ...map, columns };
}

const input = (extra: Partial<ExportInput> = {}): ExportInput => ({
  lang: 'nl',
  title: 'Samen sterk',
  date: '2026-03-12',
  partners: FIXTURE_PARTNERS.slice(0, 2),
  map: linkedMap(),
  mapName: 'joint',
  ...extra,
});

const dir = mkdtempSync(join(tmpdir(), 'pkl-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('links and sign-off in the exports', () => {
  it('[L6] the convenant says what an agreed card contributes to, with the codes of the map; links that do not fit are left out', async () => {
    const c = buildConvenant(input());
    const principles = c.sections.find((s) => s.id === 'principles')!;
    const list = principles.blocks.find((b) => b.kind === 'list' && b.items[0]?.text.startsWith('Korte'));
    expect(list?.kind === 'list' && list.items[0].notes).toEqual(['Draagt bij aan: W2 Mantelzorgers houden het vol']);
    const plan = c.sections.find((s) => s.id === 'actionPlan')!.blocks.find((b) => b.kind === 'table');
    expect(plan?.kind === 'table' && plan.rows[0][4]).toBe(
      'Mantelzorgcafé elke maand\nDraagt bij aan: W2 Mantelzorgers houden het vol; R1 Korte lijnen tussen wijkteam en huisarts',
    );
    expect(convenantToMarkdown(c)).toContain('Draagt bij aan: W2 Mantelzorgers houden het vol');
    const docx = strFromU8(unzipSync(await convenantToDocx(c))['word/document.xml']);
    expect(docx).toContain('Draagt bij aan: W2 Mantelzorgers houden het vol');
  });

  it('[N3] the convenant has a sign-off table per partner with the mandates; without sign-off data no section', () => {
    const signoff = signoffTable(
      FIXTURE_PARTNERS.slice(0, 2),
      [
        { id: 'p1', name: 'Pia', partner: 'gemeente' },
        { id: 'p2', name: 'Otto', partner: 'gemeente' },
      ],
      { p1: { kind: 'consult', date: '2026-12-14', at: 1 }, p2: { kind: 'decide', date: '', at: 1 } },
      { gemeente: { status: 'discussed', by: 'p1', at: Date.UTC(2026, 11, 1) } },
    );
    const c = buildConvenant(input({ signoff }));
    const section = c.sections.find((s) => s.id === 'signoff')!;
    expect(section.heading).toBe('8. Akkoord per partner');
    const table = section.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      [
        '1',
        'Gemeente Zuidërwijk',
        'Besproken met achterban (Stand op 1 december 2026)',
        'Pia: Ik leg het voor aan de achterban (14 december 2026); Otto: Ik mag besluiten',
      ],
      ['2', 'Wijkzorg Noëlle', 'Concept', '(nog niemand)'],
    ]);
    expect(convenantToMarkdown(c)).toContain('| 2 | Wijkzorg Noëlle | Concept | (nog niemand) |');
    expect(buildConvenant(input()).sections.some((s) => s.id === 'signoff')).toBe(false);
  });

  it('[L6] the A3 sheet marks served cards with their code and a serving card with where it points', async () => {
    const file = join(dir, 'a3.pdf');
    writeFileSync(file, await renderMapPdf(input(), await readExportFonts()));
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('→ W2, R1');
    expect(text).toContain('→ W2');
    expect(text).toMatch(/\bR1\b/);
    // Only served cards get a code: W1 serves nothing and nothing serves it.
    expect(text).not.toMatch(/\bW1\b/);
  });
});

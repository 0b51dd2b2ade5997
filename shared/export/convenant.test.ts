import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DIALOGUE_RULES } from '../dialogue.js';
import { buildConvenant, type Convenant, type ConvenantBlock } from './convenant.js';
import { convenantToDocx } from './docx.js';
import type { ExportInput } from './exportInput.js';
import { fixtureInput, FIXTURE_PARTNERS, makeMap, type CardSpec } from './testing/fixtureMap.js';
import { convenantToMarkdown } from './markdown.js';
import { EXPORT_TEXTS } from './texts.js';

const specs: CardSpec[] = [
  { id: 'v1', column: 'values', text: 'Mantelzorgers voelen zich gesteund, ook in het weekend', status: 'agreed' },
  {
    id: 'v2',
    column: 'values',
    text: 'Elke bewoner kent één vast aanspreekpunt',
    status: 'parked',
    arguments: [{ side: 'against', text: 'Te duur voor één jaar' }],
  },
  {
    id: 'r1',
    column: 'relations',
    text: 'We besluiten samen en met meerderheid\nDe gemeente heeft geen veto',
    status: 'agreed',
  },
  { id: 'r2', column: 'relations', text: 'Resultaten zijn van iedereen', status: 'open' },
  { id: 'a1', column: 'actions', text: 'Elke maand een overleg in het buurthuis', status: 'agreed' },
  { id: 'c1', column: 'conditions', text: 'Budget van € 5.000 per jaar voor het café', status: 'agreed' },
  { id: 'c2', column: 'conditions', text: '# geen kop, maar *tekst* met 1. een nummer', status: 'agreed' },
  {
    id: 's1',
    column: 'steps',
    text: 'Folder maken over het mantelzorgcafé',
    status: 'agreed',
    who: 'Fatima',
    what: 'Folder maken',
    when: 'vóór 1 juni',
  },
  {
    id: 's2',
    column: 'steps',
    text: 'Eerste bijeenkomst',
    status: 'agreed',
    who: 'Ruud (gemeente)',
    what: 'Eerste bijeenkomst plannen',
    when: 'september',
  },
  { id: 's3', column: 'steps', text: 'Website bouwen', status: 'open', who: 'Kwame', what: '', when: '' },
];

function input(extra: Partial<ExportInput> = {}): ExportInput {
  return {
    lang: 'nl',
    title: 'Samen sterk in Zuidërwijk',
    date: '2026-03-12',
    partners: FIXTURE_PARTNERS,
    map: makeMap(specs),
    mapName: 'joint',
    ...extra,
  };
}

const partnerMaps = {
  gemeente: makeMap([
    { id: 'g1', column: 'values', text: 'Mantelzorgers worden minder vaak overbelast' },
    { id: 'g2', column: 'values', text: 'Minder aanvragen voor dure zorg bij de gemeente' },
  ]),
  zorg: makeMap([
    { id: 'z1', column: 'values', text: 'Overbelaste mantelzorgers worden eerder gezien' },
    { id: 'z2', column: 'steps', text: 'Wijkverpleging belt elke nieuwe cliënt' },
  ]),
};

function itemsOf(blocks: ConvenantBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'list' ? b.items.map((i) => i.text) : b.kind === 'table' ? b.rows.flat() : [],
  );
}

const section = (c: Convenant, id: string) => c.sections.find((s) => s.id === id)!;

describe('buildConvenant', () => {
  const c = buildConvenant(input());
  const main = c.sections.filter((s) => s.id !== 'openPoints' && s.id !== 'annex');

  it('puts only agreed cards in the main text', () => {
    const mainItems = main.flatMap((s) => itemsOf(s.blocks)).join('\n');
    for (const spec of specs) {
      if (spec.status === 'agreed') expect(mainItems).toContain(spec.text);
      else expect(mainItems).not.toContain(spec.text);
    }
    expect(itemsOf(section(c, 'ambition').blocks)).toEqual([specs[0].text]);
    expect(itemsOf(section(c, 'roles').blocks)).toEqual(['Elke maand een overleg in het buurthuis']);
  });

  it('[K4] prints an agreed card as it was agreed: text and who, what and when of its agreed version', () => {
    const map = makeMap([
      {
        id: 'v',
        column: 'values',
        status: 'agreed',
        text: 'Later veranderd',
        agreedVersion: { text: 'Zo afgesproken', who: '', what: '', when: '', at: 1 },
      },
      {
        id: 's',
        column: 'steps',
        status: 'agreed',
        text: 'Actie',
        who: 'Bram',
        what: 'iets anders',
        when: 'mei',
        agreedVersion: { text: 'Actie', who: 'Anna', what: 'Wijkoverleg', when: 'april', at: 1 },
      },
    ]);
    const agreedC = buildConvenant({ ...input(), map });
    expect(itemsOf(section(agreedC, 'ambition').blocks)).toEqual(['Zo afgesproken']);
    const rows = section(agreedC, 'actionPlan').blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(rows).toEqual([['1', 'Wijkoverleg', 'Anna', 'april', 'Actie']]);
  });

  it('lists open and parked cards from every column as open points, with status and arguments', () => {
    const open = section(c, 'openPoints');
    const lists = open.blocks.filter((b) => b.kind === 'list').flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(lists.map((i) => i.text)).toEqual([
      'Elke bewoner kent één vast aanspreekpunt',
      'Resultaten zijn van iedereen',
      'Website bouwen',
    ]);
    expect(lists[0].notes).toEqual(['geparkeerd', 'Argument tegen: Te duur voor één jaar']);
    expect(lists[1].notes).toEqual(['nog open']);
    expect(lists[2].notes).toContain('Wie: Kwame · Wat: — · Wanneer: —');
  });

  it('makes an action plan table of the agreed steps with who, what and when', () => {
    const table = section(c, 'actionPlan').blocks.find((b) => b.kind === 'table');
    expect(table).toEqual({
      kind: 'table',
      header: ['Nr.', 'Wat', 'Wie', 'Wanneer', 'Toelichting'],
      rows: [
        ['1', 'Folder maken', 'Fatima', 'vóór 1 juni', 'Folder maken over het mantelzorgcafé'],
        ['2', 'Eerste bijeenkomst plannen', 'Ruud (gemeente)', 'september', 'Eerste bijeenkomst'],
      ],
    });
  });

  it('has parties, the five dialogue rules as principles, the date and the input note', () => {
    expect(itemsOf(section(c, 'parties').blocks)).toEqual(
      FIXTURE_PARTNERS.map((p) => `${p.name}, vertegenwoordigd door: …`),
    );
    expect(itemsOf(section(c, 'principles').blocks)).toEqual(
      expect.arrayContaining(DIALOGUE_RULES.map((r) => r.text.nl)),
    );
    expect(c.meta).toContain('Datum: 12 maart 2026');
    expect(c.note).toMatch(/niet de getekende overeenkomst/);
    expect(c.sections.map((s) => s.id)).toEqual([
      'parties',
      'ambition',
      'principles',
      'roles',
      'resources',
      'actionPlan',
      'openPoints',
    ]);
  });

  it('adds an annex with the partner maps, marking what only one partner said', () => {
    const withMaps = buildConvenant(input({ partnerMaps }));
    const annex = section(withMaps, 'annex');
    const items = annex.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    const notes = Object.fromEntries(items.map((i) => [i.text, i.notes?.[0]]));
    expect(notes['Mantelzorgers worden minder vaak overbelast']).toBe('ook bij: Wijkzorg Noëlle');
    expect(notes['Overbelaste mantelzorgers worden eerder gezien']).toBe('ook bij: Gemeente Zuidërwijk');
    expect(notes['Minder aanvragen voor dure zorg bij de gemeente']).toBe('alleen bij deze partner');
    expect(notes['Wijkverpleging belt elke nieuwe cliënt']).toBe('alleen bij deze partner');
    // Every column is shown for every partner with a map, also when it is empty there.
    expect(annex.blocks.filter((b) => b.kind === 'subheading')).toHaveLength(5);
    expect(annex.blocks.filter((b) => b.kind === 'paragraph' && b.text === 'Geen kaarten in deze stap.')).toHaveLength(
      7,
    );
  });

  it('[C8] follows the facilitator: a split pair is shown apart, a joined pair together', () => {
    const notesOf = (extra: Partial<ExportInput>) => {
      const annex = section(buildConvenant(input({ partnerMaps, ...extra })), 'annex');
      const items = annex.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
      return Object.fromEntries(items.map((i) => [i.text, i.notes?.[0]]));
    };
    // The similarity pairs g1 with z1; the facilitator said "niet hetzelfde".
    const split = notesOf({ pairDecisions: { joins: [], splits: [['g1', 'z1']] } });
    expect(split['Mantelzorgers worden minder vaak overbelast']).toBe('alleen bij deze partner');
    expect(split['Overbelaste mantelzorgers worden eerder gezien']).toBe('alleen bij deze partner');
    // g2 and z1 have little in common; the facilitator joined them ("Samenvoegen met").
    const joined = notesOf({ pairDecisions: { joins: [['g2', 'z1']], splits: [['g1', 'z1']] } });
    expect(joined['Minder aanvragen voor dure zorg bij de gemeente']).toBe('ook bij: Wijkzorg Noëlle');
    expect(joined['Overbelaste mantelzorgers worden eerder gezien']).toBe('ook bij: Gemeente Zuidërwijk');
    expect(joined['Mantelzorgers worden minder vaak overbelast']).toBe('alleen bij deze partner');
  });

  it('mentions who filled in a partner map, and speaks English when asked', () => {
    const en = buildConvenant(input({ lang: 'en', mapName: 'zorg', filledBy: 'Team Noëlle' }));
    expect(en.meta).toContain('Map: Map of Wijkzorg Noëlle (filled in by Team Noëlle)');
    expect(en.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['6. Action plan', '7. Open points']));
    expect(en.note).toMatch(/not the signed agreement/);
  });
});

describe('convenantToMarkdown', () => {
  const c = buildConvenant(input({ partnerMaps }));
  const md = convenantToMarkdown(c);

  it('has every section heading, the note and the action table', () => {
    for (const s of c.sections) expect(md).toContain(`## ${s.heading}`);
    expect(md).toContain(`# ${EXPORT_TEXTS.nl.convenantTitle}`);
    expect(md).toContain(`> **${c.note}**`);
    expect(md).toContain('| Nr. | Wat | Wie | Wanneer | Toelichting |');
    expect(md).toContain('| --- | --- | --- | --- | --- |');
    expect(md).toContain('| 1 | Folder maken | Fatima | vóór 1 juni | Folder maken over het mantelzorgcafé |');
    expect(md).toContain('| 2 | Eerste bijeenkomst plannen | Ruud (gemeente) | september | Eerste bijeenkomst |');
  });

  it('keeps card text as typed: no accidental headings or emphasis, line breaks kept', () => {
    expect(md).toContain('- \\# geen kop, maar \\*tekst\\* met 1. een nummer');
    expect(md).toContain('- We besluiten samen en met meerderheid\\\n  De gemeente heeft geen veto');
    expect(md).toContain('  - *geparkeerd*');
    expect(md).not.toMatch(/^# geen kop/m);
  });
});

/** Text of word/document.xml, one entry per paragraph. */
function docxParagraphs(bytes: Uint8Array): { xml: string; paragraphs: string[] } {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(''));
  return { xml, paragraphs };
}

describe('convenantToDocx', () => {
  it('is a Word file with every heading, the note, lists and a real table of the actions', async () => {
    const c = buildConvenant(input({ partnerMaps }));
    const bytes = await convenantToDocx(c);
    expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
    const { xml, paragraphs } = docxParagraphs(bytes);
    for (const s of c.sections) expect(paragraphs).toContain(s.heading);
    expect(paragraphs).toContain(c.note);
    expect(paragraphs).toContain(EXPORT_TEXTS.nl.convenantTitle);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.split('</w:tr>').slice(0, -1).map(rowCells);
    expect(rows).toEqual([
      ['Nr.', 'Wat', 'Wie', 'Wanneer', 'Toelichting'],
      ['1', 'Folder maken', 'Fatima', 'vóór 1 juni', 'Folder maken over het mantelzorgcafé'],
      ['2', 'Eerste bijeenkomst plannen', 'Ruud (gemeente)', 'september', 'Eerste bijeenkomst'],
    ]);
    expect(xml).toContain('<w:numPr>'); // bullet and numbered lists, not typed dashes
    expect(paragraphs).toContain('Budget van € 5.000 per jaar voor het café');
  });
});

/** Cell texts of one table row. */
function rowCells(rowXml: string): string[] {
  return rowXml
    .split('</w:tc>')
    .slice(0, -1)
    .map((cell) => [...cell.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

describe('convenant of a 150-card map', () => {
  it('builds Markdown and DOCX and reports time and size', async () => {
    const big = fixtureInput(150);
    let t0 = performance.now();
    const md = convenantToMarkdown(buildConvenant(big));
    const mdMs = performance.now() - t0;
    t0 = performance.now();
    const docx = await convenantToDocx(buildConvenant(big));
    const docxMs = performance.now() - t0;
    console.log(
      `[export] Markdown, 150-card map: ${mdMs.toFixed(0)} ms, ${(new TextEncoder().encode(md).length / 1024).toFixed(1)} KiB`,
    );
    console.log(`[export] DOCX, 150-card map: ${docxMs.toFixed(0)} ms, ${(docx.length / 1024).toFixed(1)} KiB`);
    const agreedSteps = big.map.columns.steps.filter((s) => s.status === 'agreed');
    const { paragraphs } = docxParagraphs(docx);
    for (const s of agreedSteps) expect(paragraphs).toContain(s.what);
    for (const card of Object.values(big.map.columns).flat()) expect(md).toContain(card.plainText.split(' ')[0]);
  });
});

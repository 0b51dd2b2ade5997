import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportFonts } from '../../server/export/fonts.js';
import { COLUMNS } from '../columns.js';
import { buildConvenant } from './convenant.js';
import { convenantToPdf } from './convenantPdf.js';
import type { ExportInput } from './exportInput.js';
import { renderMapPdf, type ExportFonts } from './pdf.js';
import { renderMapSvg } from './svg.js';
import { fixtureInput, makeMap } from './testing/fixtureMap.js';
import { readStructTree, type StructNode } from './testing/structTree.js';

const dir = mkdtempSync(join(tmpdir(), 'pkl-pdf-'));
let fonts: ExportFonts;
let input: ExportInput;
let file: string;
const progress: number[] = [];

const run = (cmd: string, ...args: string[]) =>
  execFileSync(`/usr/bin/${cmd}`, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
/** Compare text without layout: line breaks, spaces, the hyphens of broken words and list bullets. */
const squash = (s: string) => s.normalize('NFC').replace(/[\s\-•]/g, '');

beforeAll(async () => {
  fonts = await readExportFonts();
  input = fixtureInput(120, 7, 'ordinary');
  const bytes = await renderMapPdf(input, fonts, (f) => progress.push(f));
  file = join(dir, 'map120.pdf');
  writeFileSync(file, bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('[E4] the A3 PDF of a 120-card map (checked with poppler and qpdf)', () => {
  it('[E4] is one tagged A3 landscape sheet with language and title', () => {
    const info = run('pdfinfo', file);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/);
    expect(info).toMatch(/Title:\s+Samen sterk voor mantelzorgers in Zuidërwijk · Gezamenlijke kaart/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const tree = readStructTree(file);
    expect(tree.lang).toBe('nl-NL');
    expect(tree.displayDocTitle).toBe(true);
  });

  it('[E4] has the selectable text of every card, diacritics and symbols intact', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', file, '-');
    const flat = squash(text);
    for (const col of COLUMNS)
      for (const card of input.map.columns[col.id]) expect(flat, card.id).toContain(squash(card.plainText));
    for (const ch of ['ë', 'é', '€', '✓', '‖', '○']) expect(text).toContain(ch);
  });

  it('[E4] embeds subsets of its own font and no other', () => {
    const rows = run('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s/);
      // Columns: name type encoding emb sub uni object ID; the type has a space ("CID TrueType").
      expect(row.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('[E5] has a structure tree in reading order: title, steps 1 → 5 with heading, prompts and cards in order', () => {
    const tree = readStructTree(file);
    const doc = tree.root;
    expect(doc.type).toBe('Document');
    const kinds = doc.children.map((c) => c.type);
    expect(kinds).toEqual(['H1', 'P', 'Sect', 'Sect', 'Sect', 'Sect', 'Sect', 'P', 'P']);
    const sects = doc.children.filter((c) => c.type === 'Sect');
    expect(sects.map((s) => s.title)).toEqual(COLUMNS.map((c) => `Stap ${c.step}: ${c.label.nl}`));
    sects.forEach((sect, i) => {
      const col = COLUMNS[i];
      expect(sect.children.map((c) => c.type)).toEqual(['H2', 'L', 'L']);
      const [heading, prompts, cards] = sect.children;
      expect(heading.mcids).toBeGreaterThan(0);
      expect(prompts.children).toHaveLength(col.prompts.length);
      expect(cards.children).toHaveLength(input.map.columns[col.id].length);
      for (const li of cards.children as StructNode[]) {
        expect(li.type).toBe('LI');
        expect(li.children.map((c) => c.type)).toEqual(['LBody']);
        expect(li.children[0].mcids).toBeGreaterThan(0);
      }
    });
  });

  it('[E4] reports progress from 0 to 1', () => {
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });

  it('[E4] English maps say so; a second sheet continues the structure of each step', async () => {
    const big = { ...fixtureInput(250, 7, 'ordinary'), lang: 'en' as const };
    const f = join(dir, 'map250.pdf');
    writeFileSync(f, await renderMapPdf(big, fonts));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', f))![1]);
    expect(pages).toBeGreaterThan(1);
    const tree = readStructTree(f);
    expect(tree.lang).toBe('en-GB');
    const sects = tree.root.children.filter((c) => c.type === 'Sect');
    sects.forEach((sect, i) => expect(sect.children[2].children).toHaveLength(big.map.columns[COLUMNS[i].id].length));
    // Some step has cards on more than one page: its list spans pages in one element.
    expect(sects.some((s) => new Set(s.children[2].children.flatMap((li) => li.children[0].pages)).size > 1)).toBe(
      true,
    );
  });

  it('[E4] shows a visible replacement for characters the font lacks (emoji), instead of losing them silently', async () => {
    const f = join(dir, 'emoji.pdf');
    const map = makeMap([{ id: 'e', column: 'values', text: 'Goed idee 👍🏽 en ❤️ samen' }]);
    writeFileSync(f, await renderMapPdf({ ...fixtureInput(0), map }, fonts));
    expect(squash(run('pdftotext', '-enc', 'UTF-8', f, '-'))).toContain('Goedidee\ufffden❤samen');
  });
});

describe('[E6] the SVG picture', () => {
  it('[E6] is the map on one landscape A3 sheet with its fonts inside, no app buttons', () => {
    const svg = renderMapSvg(input, fonts);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1190.55 841.89"/);
    expect(svg).toContain(
      '<title id="title">Samen sterk voor mantelzorgers in Zuidërwijk · Gezamenlijke kaart</title>',
    );
    expect(svg).toContain('src:url(data:font/ttf;base64,');
    for (const col of COLUMNS) expect(svg).toContain(`>${col.label.nl}<`);
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&')).join(' ');
    for (const card of input.map.columns.values) expect(texts).toContain(card.plainText.split(' ')[0]);
    expect(svg).not.toMatch(/<button|<foreignObject|<script/);
  });

  it('[E6] puts more sheets one under the other', () => {
    const svg = renderMapSvg(fixtureInput(250, 7, 'ordinary'), fonts);
    const h = Number(/viewBox="0 0 1190.55 ([\d.]+)"/.exec(svg)![1]);
    expect(h).toBeGreaterThan(2 * 841.89);
  });
});

describe('[E7] the convenant as a tagged PDF', () => {
  it('[E7] is tagged, lists the parties with their representatives and keeps agreed texts exactly', async () => {
    const base = fixtureInput(30, 7, 'ordinary');
    const agreed = base.map.columns.values.find((c) => c.status === 'agreed')!;
    const c = buildConvenant({ ...base, representatives: { gemeente: ['Ruud', 'Annelies'], zorg: ['Fatima'] } });
    const f = join(dir, 'convenant.pdf');
    writeFileSync(f, await convenantToPdf(c, fonts));
    expect(run('pdfinfo', f)).toMatch(/Tagged:\s+yes/);
    const text = run('pdftotext', '-enc', 'UTF-8', f, '-');
    expect(text).toContain('Gemeente Zuidërwijk, vertegenwoordigd door Ruud en Annelies');
    expect(text).toContain('Wijkzorg Noëlle, vertegenwoordigd door Fatima');
    expect(text).toContain('Stichting Welzijn & Coöperatie, vertegenwoordigd door: …');
    expect(squash(text)).toContain(squash(agreed.plainText));
    const tree = readStructTree(f);
    expect(tree.root.children.filter((n) => n.type === 'Sect').map((s) => s.children[0].type)).toEqual(
      c.sections.map(() => 'H2'),
    );
    const table = tree.root.children.flatMap((n) => n.children).find((n) => n.type === 'Table');
    expect(table?.children[0].children.map((n) => n.type)).toEqual(['TH', 'TH', 'TH', 'TH', 'TH']);
  });
});

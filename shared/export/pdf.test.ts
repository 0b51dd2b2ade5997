import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../columns.js';
import type { ExportInput } from './exportInput.js';
import { fixtureInput, makeMap } from './testing/fixtureMap.js';
import { readExportFonts } from '../../server/export/fonts.js';
import { renderMapPdf, type ExportFonts } from './pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'pkl-pdf-'));
let fonts: ExportFonts;
let input: ExportInput;
let file: string;
let pages: number;
const progress: number[] = [];

const run = (cmd: string, ...args: string[]) => execFileSync(`/usr/bin/${cmd}`, args, { encoding: 'utf8' });
/** Compare text without layout: line breaks, spaces, the hyphens of broken words and list bullets. */
const squash = (s: string) => s.normalize('NFC').replace(/[\s\-•]/g, '');

beforeAll(async () => {
  fonts = await readExportFonts();
  input = fixtureInput(150);
  const t0 = performance.now();
  const bytes = await renderMapPdf(input, fonts, (f) => progress.push(f));
  const ms = performance.now() - t0;
  file = join(dir, 'map150.pdf');
  writeFileSync(file, bytes);
  pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))![1]);
  console.log(`[export] PDF, 150-card map: ${ms.toFixed(0)} ms, ${(bytes.length / 1024).toFixed(1)} KiB, ${pages} A3 pages`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderMapPdf (checked with poppler)', () => {
  it('makes A3 landscape pages, two or more for 150 cards', () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    const info = run('pdfinfo', '-f', '1', '-l', String(pages), file);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => `${m[1]} x ${m[2]}`);
    expect(sizes).toEqual(Array(pages).fill('1190.55 x 841.89'));
  });

  it('contains the text of every card, diacritics intact', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', file, '-');
    const flat = squash(text);
    for (const col of COLUMNS) {
      for (const card of input.map.columns[col.id]) {
        expect(flat, card.id).toContain(squash(card.plainText));
        if (col.id === 'steps') expect(flat).toContain(squash(card.what));
      }
    }
    for (const ch of ['ë', 'é', 'ï', 'ö', '€', '✓', '‖', '○']) expect(text).toContain(ch);
  });

  it('repeats the header and the five column heads on every page', () => {
    for (let p = 1; p <= pages; p++) {
      const text = run('pdftotext', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-');
      expect(text).toContain('Samen sterk voor mantelzorgers in Zuidërwijk');
      for (const col of COLUMNS) {
        expect(text).toContain(col.label.nl);
        expect(text).toContain(`Stap ${col.step}`);
      }
      expect(text).toContain(`Blad ${p} van ${pages}`);
    }
  });

  it('embeds its font and no other', () => {
    const rows = run('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^DejaVuSans/);
      // Columns: name type encoding emb sub uni object ID; the type has a space ("CID TrueType").
      expect(row.split(/\s+/).at(-5)).toBe('yes');
    }
  });

  it('reports progress from 0 to 1', () => {
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });

  it('puts "filled in by" on a partner map', async () => {
    const partnerMap: ExportInput = { ...fixtureInput(10), mapName: 'zorg', filledBy: 'Team Noëlle', lang: 'en' };
    const f = join(dir, 'partner.pdf');
    writeFileSync(f, await renderMapPdf(partnerMap, fonts));
    const text = run('pdftotext', '-enc', 'UTF-8', f, '-');
    expect(text).toContain('Map of Wijkzorg Noëlle');
    expect(text).toContain('Filled in by: Team Noëlle');
    expect(text).toContain('Step 1');
  });

  it('shows a visible replacement for characters the font lacks (emoji), instead of losing them silently', async () => {
    const f = join(dir, 'emoji.pdf');
    const map = makeMap([{ id: 'e', column: 'values', text: 'Goed idee 👍🏽 en ❤️ samen' }]);
    writeFileSync(f, await renderMapPdf({ ...fixtureInput(0), map }, fonts));
    expect(squash(run('pdftotext', '-enc', 'UTF-8', f, '-'))).toContain('Goedidee\ufffden❤samen');
  });
});

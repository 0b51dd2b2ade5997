import { describe, expect, it } from 'vitest';
import { newParticipantId, newWorkshopId } from './ids.js';
import { PARTNER_COLORS, partnerColor, partnerIdFrom } from './partners.js';
import { parseRoomName, partnerMapName, roomName } from './protocol.js';

/** Assign ids the way a workshop does: each new id is taken for the next name. */
function assign(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const id = partnerIdFrom(name, taken);
    taken.add(id);
    return id;
  });
}

describe('partnerIdFrom', () => {
  it('strips diacritics and turns everything else into single dashes', () => {
    expect(partnerIdFrom('Gemeente Zwolle', new Set())).toBe('gemeente-zwolle');
    expect(partnerIdFrom('Café de Kroeg', new Set())).toBe('cafe-de-kroeg');
    expect(partnerIdFrom('Zoë & Chloë', new Set())).toBe('zoe-chloe');
    expect(partnerIdFrom('  ’s-Hertogenbosch (GGD)  ', new Set())).toBe('s-hertogenbosch-ggd');
    expect(partnerIdFrom('Ångström Één Ïjs', new Set())).toBe('angstrom-een-ijs');
  });

  it('falls back to "partner" when nothing readable is left', () => {
    expect(partnerIdFrom('!!!', new Set())).toBe('partner');
    expect(partnerIdFrom('Ελλάδα', new Set())).toBe('partner');
    expect(assign(['???', '…', '日本'])).toEqual(['partner', 'partner-2', 'partner-3']);
  });

  it('numbers collisions, including names that differ only in accents or case', () => {
    expect(assign(['Café', 'Cafe', 'CAFÉ', 'café!'])).toEqual(['cafe', 'cafe-2', 'cafe-3', 'cafe-4']);
    expect(partnerIdFrom('Buurt', new Set(['buurt', 'buurt-2']))).toBe('buurt-3');
  });

  it('never returns "joint", the name of the shared map', () => {
    expect(partnerIdFrom('Joint', new Set())).toBe('joint-2');
    expect(partnerIdFrom('JOINT!', new Set(['joint-2']))).toBe('joint-3');
  });

  it('cuts long names at 30 characters without leaving a dash at the end', () => {
    const id = partnerIdFrom('Vereniging voor Buurtwerk Wes Zuid', new Set());
    expect(id).toBe('vereniging-voor-buurtwerk-wes');
    expect(partnerIdFrom('Vereniging voor Buurtwerk Wes Zuid', new Set([id]))).toBe('vereniging-voor-buurtwerk-wes-2');
    expect(partnerIdFrom('x'.repeat(80), new Set())).toHaveLength(30);
  });

  it('gives ids that make valid map room names, also with collision suffixes', () => {
    const workshop = newWorkshopId();
    const names = [
      'Gemeente',
      'gemeente',
      'Zoë',
      'Stichting Welzijn Oost-Nederland Zuid',
      'x'.repeat(60),
      '!!',
      'Joint',
    ];
    for (const pid of assign([...names, ...names])) {
      expect(pid).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(parseRoomName(roomName(workshop, partnerMapName(pid as never)))).not.toBeNull();
    }
    expect(parseRoomName(roomName(workshop, `drafts:${newParticipantId()}`))).not.toBeNull();
  });
});

describe('partner colours', () => {
  // WCAG relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

  it('are distinct and each dark enough for white text (contrast ≥ 4.5:1)', () => {
    expect(new Set(PARTNER_COLORS).size).toBe(PARTNER_COLORS.length);
    for (const color of PARTNER_COLORS) expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(4.5);
  });

  it('cycle through the palette by index', () => {
    expect(partnerColor(0)).toBe(PARTNER_COLORS[0]);
    expect(partnerColor(PARTNER_COLORS.length)).toBe(PARTNER_COLORS[0]);
    expect(partnerColor(PARTNER_COLORS.length + 3)).toBe(PARTNER_COLORS[3]);
  });
});

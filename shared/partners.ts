import type { PartnerId } from './ids.js';

export interface Partner {
  id: PartnerId;
  name: string;
  color: string;
}

/**
 * Partner colours: distinct hues, each dark enough for white text (contrast ≥ 4.5:1), so a badge
 * in partner colour stays readable on a projector.
 */
export const PARTNER_COLORS = [
  '#1f5fa8',
  '#a3341f',
  '#2e6b2e',
  '#7a3c8f',
  '#8a5a00',
  '#0f6b6b',
  '#b0245e',
  '#4a4a8a',
] as const;

export function partnerColor(index: number): string {
  return PARTNER_COLORS[index % PARTNER_COLORS.length];
}

/** A readable, URL-safe partner id from its name; `taken` prevents collisions inside one workshop. */
export function partnerIdFrom(name: string, taken: ReadonlySet<string>): PartnerId {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30)
      .replace(/-+$/, '') || 'partner'; // the cut can end on a separator
  let id = base;
  for (let n = 2; taken.has(id) || id === 'joint'; n++) id = `${base}-${n}`;
  return id as PartnerId;
}

import type { Lang } from '../columns.js';
import type { PairDecisions } from '../compare/pairDecisions.js';
import type { Partner } from '../partners.js';
import type { CardSnapshot, MapSnapshot } from '../readModel.js';
import type { SignoffRow } from '../signoff.js';
import type { ScoreRound } from '../scores.js';
import type { Meeting } from '../trajectory.js';

/**
 * Everything an export needs, gathered by the caller from the live documents. Exports are pure
 * functions of this value, so the same input gives the same PDF, DOCX and Markdown in the browser
 * and in Node.
 */
export interface ExportInput {
  lang: Lang;
  /** Workshop title. */
  title: string;
  /** Workshop date: an ISO string ("2026-03-12" or a full timestamp) or epoch milliseconds. */
  date: string | number;
  partners: Partner[];
  /** The map being exported. */
  map: MapSnapshot;
  /** 'joint' for the shared map, otherwise the id of the partner whose map this is. */
  mapName: 'joint' | string;
  /** For a partner map: the "filled in by" field of the paper sheet (usually the partner's name). */
  filledBy?: string;
  /** The partners' own maps, present when the partners-first flow was used. */
  partnerMaps?: Record<string, MapSnapshot>;
  /** The facilitator's split and join decisions of the compare view ([C4]); the partner comparison follows them ([C8]). */
  pairDecisions?: PairDecisions;
  /** Per partner id: the names of the people who took part for that partner (the convenant's parties). */
  representatives?: Record<string, string[]>;
  /** Names of the people by participant id, for the owners of actions [J8]. */
  people?: Record<string, string>;
  /** For joint cards: the ids of the partners whose maps the card came from. */
  cardOrigins?: Record<string, string[]>;
  /** The joint map's sign-off per partner with the representatives' mandates ([N3]); the convenant prints it. */
  signoff?: SignoffRow[];
  /** The session's check-ins and check-outs (aggregates only, [Y4]). */
  scoreRounds?: ScoreRound[];
  /** The meetings of the trajectory, for the line of scores over them ([Y8]). */
  meetings?: Meeting[];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A readable date in the export language; a bare ISO day is shown as that day in every time zone. */
export function formatExportDate(date: string | number, lang: Lang): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return String(date);
  const dateOnly = typeof date === 'string' && DATE_ONLY.test(date);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(d);
}

/** Grey for a partner id the workshop no longer knows: its name is still shown, never dropped. */
const UNKNOWN_PARTNER_COLOR = '#6b6b6b';

export function partnerOf(input: Pick<ExportInput, 'partners'>, id: string): Partner {
  return input.partners.find((p) => p.id === id) ?? ({ id, name: id, color: UNKNOWN_PARTNER_COLOR } as Partner);
}

/**
 * [E2] The partner maps a joint card was merged from (its recorded origins, or the caller's
 * `cardOrigins`); empty for a card written straight on the map.
 */
export function cardOriginPartners(
  input: Pick<ExportInput, 'partners' | 'cardOrigins'>,
  card: CardSnapshot,
): Partner[] {
  const ids = input.cardOrigins?.[card.id] ?? (card.origins ?? []).map((o) => o.partner);
  return [...new Set(ids.filter(Boolean))].map((id) => partnerOf(input, id));
}

/** For joint cards taken from partner maps: the partners they came from, by card id. */
export function cardOriginsOf(map: MapSnapshot): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const cards of Object.values(map.columns)) {
    for (const card of cards) {
      const partners = [...new Set(card.origins.map((o) => o.partner).filter(Boolean))];
      if (partners.length) out[card.id] = partners;
    }
  }
  return out;
}

/** True for the shared map, false for one partner's own map. */
export function isJointMap(input: Pick<ExportInput, 'mapName'>): boolean {
  return input.mapName === 'joint';
}

/** A safe, readable file name, e.g. "partnerschapskaart-samen-sterk-gezamenlijke-kaart-2026-03-12.pdf". */
export function exportFileName(
  input: Pick<ExportInput, 'title' | 'date' | 'mapName' | 'partners'>,
  kind: string,
  ext: string,
): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '');
  const d = new Date(input.date);
  const day = Number.isNaN(d.getTime())
    ? ''
    : typeof input.date === 'string' && DATE_ONLY.test(input.date)
      ? input.date
      : d.toISOString().slice(0, 10);
  const map = input.mapName === 'joint' ? '' : slug(partnerOf(input, input.mapName).name);
  return `${[slug(kind), slug(input.title), map, day].filter(Boolean).join('-')}.${ext}`;
}

import type { WorkshopInfo } from '../../../shared/api.js';
import type { Lang } from '../../../shared/columns.js';
import type { ExportInput } from '../../../shared/export/exportInput.js';
import type { MapSnapshot } from '../../../shared/readModel.js';

/** Which map an export is of: the joint map, or one partner's own map (partners-first). */
export type ExportTarget = { kind: 'joint' } | { kind: 'partner'; partnerId: string };

export const targetKey = (target: ExportTarget) => (target.kind === 'joint' ? 'joint' : `partner.${target.partnerId}`);

/** Today's date where the facilitator is, as "2026-03-12" (a bare day keeps file names and dates local). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** For joint cards taken from partner maps: the partners they came from (their recorded origins). */
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

/**
 * Everything an export of `target` needs. The joint map of a partners-first workshop carries the
 * partner maps (the convenant's annex) and where its cards came from; a partner map says who
 * filled it in.
 */
export function buildExportInput(options: {
  info: WorkshopInfo;
  lang: Lang;
  now: number;
  target: ExportTarget;
  map: MapSnapshot;
  partnerMaps?: Record<string, MapSnapshot>;
}): ExportInput {
  const { info, lang, now, target, map, partnerMaps } = options;
  const base = { lang, title: info.title, date: localDay(now), partners: info.partners, map };
  if (target.kind === 'partner') {
    const partner = info.partners.find((p) => p.id === target.partnerId);
    return { ...base, mapName: target.partnerId, filledBy: partner?.name ?? target.partnerId };
  }
  const origins = cardOriginsOf(map);
  return {
    ...base,
    mapName: 'joint',
    ...(partnerMaps && Object.keys(partnerMaps).length ? { partnerMaps } : {}),
    ...(Object.keys(origins).length ? { cardOrigins: origins } : {}),
  };
}

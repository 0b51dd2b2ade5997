import type { CreateWorkshopResponse, WorkshopInfo } from '../../shared/api.js';
import type { ColumnId } from '../../shared/columns.js';
import { COLUMN_IDS } from '../../shared/columns.js';
import { partnerMapName } from '../../shared/docName.js';
import type { PartnerId } from '../../shared/ids.js';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';
import { openAsFacilitator, seeded, TEXTS } from './seedMap.js';

/**
 * Partners-first workshops for the compare layout tests: every partner map filled through the real
 * server with the facilitator's token, from the same long Dutch texts as the map fixtures (seedMap.ts),
 * each partner with its own seeded order, so some cards of different partners group and some do not.
 */

export const PARTNER_NAMES = ['Gemeente Arnhem', 'Wijkteam Noord', 'Woningcorporatie Volkshuisvesting', 'Bewoners'];

export async function createPartnersFirstWorkshop(
  base: string,
  title: string,
  partners: readonly string[],
): Promise<{ created: CreateWorkshopResponse; info: WorkshopInfo }> {
  const res = await fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, partners, flow: 'partners-first' }),
  });
  if (!res.ok) throw new Error(`create: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreateWorkshopResponse;
  const info = (await (await fetch(`${base}/api/workshops/${created.id}`)).json()) as WorkshopInfo;
  return { created, info };
}

/** Write `counts` cards per column into every partner map; each card's text is one of TEXTS. */
export async function seedPartnerMaps(
  base: string,
  created: CreateWorkshopResponse,
  info: WorkshopInfo,
  counts: Record<ColumnId, number>,
  seed = 7,
): Promise<{ close: () => void }> {
  const closers: (() => void)[] = [];
  for (const [i, partner] of info.partners.entries()) {
    const map = await openAsFacilitator(base, created, partnerMapName(partner.id as PartnerId));
    closers.push(map.close);
    const random = seeded(seed + i);
    map.doc.transact(() => {
      for (const column of COLUMN_IDS) {
        for (let n = 0; n < counts[column]; n++) {
          createCard(
            map.doc,
            {
              column,
              author: '',
              authorName: `Deelnemer ${n + 1}`,
              partner: partner.id as PartnerId,
              text: TEXTS[Math.floor(random() * TEXTS.length)],
            },
            LOCAL_USER,
          );
        }
      }
    }, LOCAL_USER);
  }
  return { close: () => closers.forEach((c) => c()) };
}

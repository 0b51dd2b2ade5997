import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateWorkshopResponse, WorkshopInfo } from '../../shared/api.js';
import { setStepFields } from '../../shared/cardDetails.js';
import { COLUMN_IDS, type ColumnId } from '../../shared/columns.js';
import type { PartnerId, WorkshopId } from '../../shared/ids.js';
import { CARD_TEXT_LIMIT_MAX } from '../../shared/cardLength.js';
import { readWorkshopSettings, setCardTextMax } from '../../shared/workshopSettings.js';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';
import { parseDocName, partnerOfMap } from '../../shared/docName.js';
import { JOINT_MAP, roomName, SYNC_PATH, type DocName } from '../../shared/protocol.js';

/**
 * Maps for the layout tests, written the way a facilitator's browser writes them: through the real
 * server, over a y-websocket connection with the facilitator's token, with the shared ops.
 */

/** Card texts as people write them, with the long Dutch compounds that break layouts. */
export const TEXTS = [
  'Vertrouwen',
  'Iedereen doet mee',
  'Mantelzorgers weten bij wie ze terecht kunnen',
  'We delen wat we weten, ook als het ongemakkelijk is',
  'Bewoners beslissen mee over wat er in de wijk gebeurt',
  'Het huurachterstandenbegeleidingstraject start binnen twee weken',
  'Schuldhulpverleningsorganisaties en woningcorporaties werken samen',
  'Elke partner houdt zijn eigen kracht en rol',
  'Gezondheidsbevorderingsprogramma voor jongeren in de wijk',
  'Korte lijnen tussen wijkverpleging, huisarts en sociaal team',
  'Eenzaamheid eerder zien',
  'Vrijwilligers vinden hun werk zinvol en blijven langer',
];

/** One card of about 600 characters: on the map it is cut with "…", in focus it is whole. */
export const LONG_TEXT =
  'Wij willen dat ouderen in de wijk langer thuis kunnen blijven wonen, met hulp van buren, vrijwilligers en ' +
  'professionals die elkaar kennen en vertrouwen. Daarvoor is nodig dat de gemeente, het wijkteam, de ' +
  'woningcorporatie en de zorgaanbieders hun informatie op tijd delen, dat bewoners zelf meebeslissen over ' +
  'wat er gebeurt, en dat we problemen zoals huurachterstanden, eenzaamheid en schulden eerder zien. Het ' +
  'huurachterstandenbegeleidingstraject is daar een voorbeeld van: als het goed loopt, merken bewoners dat ' +
  'er iemand naast ze staat, en niet alleen een brief in de bus krijgen van een organisatie.';

export const WWW = [
  { who: 'Gemeente Arnhem en wijkteam Noord', what: 'Eerste overleg plannen met de huisartsen', when: 'Voor 1 maart' },
  { who: 'Woningcorporatie', what: 'Huurachterstandenbegeleidingstraject opzetten', when: 'Dit voorjaar' },
  { who: 'Wie', what: 'Wat', when: 'Wanneer' },
];

/** A small seeded generator (mulberry32): the same fixture every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many cards each column gets: `activeShare` of them in the first of `active`, the rest spread. */
export function spread(n: number, active: readonly ColumnId[], activeShare: number): Record<ColumnId, number> {
  const counts = Object.fromEntries(COLUMN_IDS.map((c) => [c, 0])) as Record<ColumnId, number>;
  const main = Math.round(n * activeShare);
  counts[active[0]] = main;
  const others = COLUMN_IDS.filter((c) => c !== active[0]);
  for (let i = 0; i < n - main; i++) counts[others[i % others.length]]++;
  return counts;
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const PARTNERS = ['Gemeente', 'Wijkteam', 'Woningcorporatie', 'Bewoners'];

export async function createWorkshop(
  base: string,
  title: string,
  options: { flow?: 'joint' | 'partners-first'; partners?: string[] } = {},
): Promise<{ created: CreateWorkshopResponse; info: WorkshopInfo }> {
  const created = await api<CreateWorkshopResponse>(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, partners: options.partners ?? PARTNERS, flow: options.flow }),
  });
  const info = await api<WorkshopInfo>(`${base}/api/workshops/${created.id}`);
  return { created, info };
}

/** A document of the workshop opened as the facilitator; resolves once in sync. */
export function openAsFacilitator(base: string, created: CreateWorkshopResponse, name: DocName) {
  return openWithToken(base, created.id, name, created.facilitatorToken);
}

/** A document of the workshop opened with someone's token (e.g. a participant's own private inputs). */
export async function openWithToken(base: string, workshopId: string, name: DocName, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    base.replace(/^http/, 'ws') + SYNC_PATH,
    roomName(workshopId as WorkshopId, name),
    doc,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    },
  );
  await new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return { doc, close: () => (provider.destroy(), doc.destroy()) };
}

/**
 * Write `counts` cards per column into a map (the joint map unless told; a partner map's cards all
 * come from that partner); returns the id of the long card, if any.
 */
export async function seedCards(
  base: string,
  created: CreateWorkshopResponse,
  info: WorkshopInfo,
  counts: Record<ColumnId, number>,
  seed = 1,
  target: DocName = JOINT_MAP,
) {
  // The long card stands for one from before the workshop's text limit (an import, or a higher limit
  // then): the facilitator raises the limit so the server keeps it ([H4]).
  const session = await openAsFacilitator(base, created, 'session');
  setCardTextMax(session.doc, CARD_TEXT_LIMIT_MAX, LOCAL_USER);
  // Stored on the server before the cards arrive: a fresh reader sees it.
  for (let tries = 0; ; tries++) {
    const check = await openAsFacilitator(base, created, 'session');
    const stored = readWorkshopSettings(check.doc).cardTextMax;
    check.close();
    if (stored === CARD_TEXT_LIMIT_MAX) break;
    if (tries > 100) throw new Error('the text limit did not reach the server');
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
  session.close();
  const map = await openAsFacilitator(base, created, target);
  const parsed = parseDocName(target);
  const owner = parsed && partnerOfMap(parsed);
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  let longId: string | null = null;
  map.doc.transact(() => {
    for (const column of COLUMN_IDS) {
      for (let i = 0; i < counts[column]; i++) {
        // The tenth card of the first busy column is the long one.
        const long = longId === null && i === 9;
        const partner = owner ? { id: owner } : pick(info.partners);
        const id = createCard(
          map.doc,
          {
            column,
            author: '',
            authorName: 'Test',
            partner: partner.id as PartnerId,
            text: long ? LONG_TEXT : pick(TEXTS),
          },
          LOCAL_USER,
        );
        if (long) longId = id;
        if (column === 'steps' && random() < 0.8) setStepFields(map.doc, id, pick(WWW), LOCAL_USER);
      }
    }
  }, LOCAL_USER);
  return { longId, close: map.close };
}

/**
 * `npx tsx bench/guardCost.ts`: CPU per typed update on the server's write path, in process, without
 * sockets or disk: validation and schema check (as Room.applyClientUpdate does), then the column
 * guard, once with the cheap path for text edits (docs/decisions/0029) and once with the full guard
 * (undo scope and observers for every update). Process CPU time, so other load on the machine
 * disturbs it far less than the wall-clock bench. N (default 4000) typed updates into 40 cards.
 */
import * as Y from 'yjs';
import type { WorkshopPerson } from '../shared/agreement.js';
import { getCards, getCardText } from '../shared/cardSchema.js';
import { COLUMN_IDS } from '../shared/columns.js';
import type { ParticipantId, PartnerId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import type { Principal } from '../shared/permissions.js';
import { applyGuarded, type GuardRules } from '../server/sync/columnGuard.js';
import { mapRules } from '../server/sync/rules/mapRules.js';
import { SchemaCheck } from '../server/sync/updateSchema.js';
import { isRefusal, validateUpdate } from '../server/sync/updateValidation.js';

const N = Number(process.env.N ?? 4000);
const me = { id: 'p1', name: 'Pia', partner: 'gemeente' };
const client = new Y.Doc();
const ids: string[] = [];
for (let i = 0; i < 40; i++) {
  const card = { author: me.id as ParticipantId, authorName: me.name, partner: me.partner as PartnerId, text: 'x' };
  ids.push(createCard(client, { column: COLUMN_IDS[i % COLUMN_IDS.length], ...card }, LOCAL_USER));
}
const base = Y.encodeStateAsUpdate(client);
const updates: Uint8Array[] = [];
client.on('update', (u: Uint8Array) => updates.push(u));
for (let n = 0; n < N; n++) {
  const node = (getCardText(getCards(client).get(ids[n % ids.length])!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  // As the bench's clients type: a character at the end, the text kept at 200 characters.
  client.transact(() => {
    node.insert(node.length, 'a');
    if (node.length > 200) node.delete(0, node.length - 200);
  }, LOCAL_USER);
}

function run(cheap: boolean): void {
  const server = new Y.Doc();
  Y.applyUpdate(server, base);
  const who = { participantId: me.id, access: 'participant', partner: me.partner } as unknown as Principal;
  const owners = new Map([[client.clientID, me.id]]);
  const origin = { connection: 1 };
  const rules = (): GuardRules => ({
    writable: new Set(COLUMN_IDS),
    mayCreate: true,
    doc: 'map',
    who,
    people: (id) => (id === me.id ? me : null),
    cardTextMax: 600,
    rules: mapRules({ rule: 'facilitator', map: 'joint', people: (): WorkshopPerson[] => [], tell: () => {} }),
  });
  let checkUs = 0;
  const t0 = process.cpuUsage();
  for (const u of updates) {
    const c0 = process.cpuUsage();
    const verdict = validateUpdate(server, Y.decodeUpdate(u), {
      participantId: me.id,
      owners,
      reserved: new Set([server.clientID]),
      maxNewClients: 4,
      maxStructs: 10_000,
    });
    if (isRefusal(verdict)) throw new Error(verdict.reason);
    const schema = new SchemaCheck('map', verdict.landingOf).check(verdict.landing);
    if (schema) throw new Error(schema.reason);
    const c = process.cpuUsage(c0);
    checkUs += c.user + c.system;
    const notice = applyGuarded(server, u, origin as never, rules(), cheap ? verdict : undefined);
    if (notice) throw new Error(`refused: ${JSON.stringify(notice)}`);
  }
  const all = process.cpuUsage(t0);
  const per = (all.user + all.system) / updates.length;
  const check = checkUs / updates.length;
  console.log(
    `${cheap ? 'cheap path' : 'full guard'}: ${per.toFixed(1)} µs CPU per update ` +
      `(validation + schema ${check.toFixed(1)} µs, guard + apply ${(per - check).toFixed(1)} µs)`,
  );
}

// Alternating, three times each: the first rounds warm the JIT.
for (let i = 0; i < 3; i++) {
  run(false);
  run(true);
}

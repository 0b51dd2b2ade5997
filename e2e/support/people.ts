import type { BrowserContext } from 'playwright-core';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { JoinResponse, WorkshopInfo } from '../../shared/api.js';
import { privateName } from '../../shared/docName.js';
import type { WorkshopId } from '../../shared/ids.js';
import { JOINT_MAP, roomName, SYNC_PATH } from '../../shared/protocol.js';
import { eventually } from './pages.js';
import { openWithToken } from './seedMap.js';

/**
 * People in the room for the phone tests: joined through the real API (each with their own token),
 * present on the joint map through a real y-websocket connection, as a browser would be.
 */

export interface Joined extends JoinResponse {
  name: string;
  partner: string;
  role: string;
}

export async function joinByApi(base: string, info: WorkshopInfo, name: string, partnerIndex = 0): Promise<Joined> {
  const partner = info.partners[partnerIndex % info.partners.length].id;
  const role = 'professional';
  const res = await fetch(`${base}/api/workshops/${info.id}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, partner, role }),
  });
  if (!res.ok) throw new Error(`join ${name}: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as JoinResponse), name, partner, role };
}

/** Someone with the joint map open: their presence shows on every map screen until `close`. */
export async function beThere(base: string, info: WorkshopInfo, who: Joined): Promise<() => void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    base.replace(/^http/, 'ws') + SYNC_PATH,
    roomName(info.id as WorkshopId, JOINT_MAP),
    doc,
    { params: { token: who.token }, WebSocketPolyfill: WebSocket as never, disableBc: true },
  );
  provider.awareness.setLocalState({ user: { name: who.name, color: '#1d4f91' }, editing: null });
  await new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    provider.on('sync', (synced: boolean) => synced && resolve());
  });
  return () => {
    provider.destroy();
    doc.destroy();
  };
}

/** A browser context that is `who` on this workshop, without going through the join form. */
export async function actAs(context: BrowserContext, info: WorkshopInfo, who: Joined): Promise<void> {
  const identity = {
    participantId: who.participantId,
    token: who.token,
    name: who.name,
    partner: who.partner,
    role: who.role,
    access: 'participant',
  };
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    `pkl.identity.${info.id}`,
    JSON.stringify(identity),
  ] as const);
}

/**
 * Until the server holds what `who` gave in their private document (`holds` reads a fresh copy). A
 * round's close counts what the server holds: a phone that shows its votes or scores as given has
 * only written them into its own copy, still on their way.
 */
export async function untilServerHolds(
  base: string,
  info: WorkshopInfo,
  who: Joined,
  holds: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  await eventually(async () => {
    const fresh = await openWithToken(base, info.id, privateName(who.participantId), who.token);
    try {
      return holds(fresh.doc);
    } finally {
      fresh.close();
    }
  }, `the server holds ${what} of ${who.name}`);
}

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import type { WorkshopId } from '../../shared/ids.js';
import {
  isRetryableClose,
  JOINT_MAP,
  MESSAGE_NOTICE,
  roomName,
  SYNC_PATH,
  type PresenceState,
} from '../../shared/protocol.js';
import { buildMapEnv, destroyMapEnv, type MapEnv } from './mapEnv.js';
import { parseNotice } from './notices.js';
import { ProviderConnection } from './providerConnection.js';

export interface MapSession {
  env: MapEnv;
  destroy(): void;
}

function wsOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** The only place that creates a provider. */
export function openMapSession(workshopId: WorkshopId, token: string, user: PresenceState['user']): MapSession {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  // Presence is set before connecting so the first awareness message already says who we are.
  awareness.setLocalState({ user, editing: null } satisfies PresenceState);
  const provider = new WebsocketProvider(wsOrigin() + SYNC_PATH, roomName(workshopId, JOINT_MAP), doc, {
    params: { token },
    awareness,
    // Every update must pass the server (permissions, persistence, echo as acknowledgement);
    // the cross-tab channel would let tabs exchange edits behind its back.
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  const connection = new ProviderConnection(provider);
  const env = buildMapEnv(doc, awareness, connection);
  // The server's own message type; without a handler the provider would log it as unknown.
  provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
    const notice = parseNotice(decoding.readVarString(decoder));
    if (notice) env.notices.emit(notice);
  };
  return {
    env,
    destroy: () =>
      destroyMapEnv(env, () => {
        connection.destroy();
        provider.destroy();
      }),
  };
}

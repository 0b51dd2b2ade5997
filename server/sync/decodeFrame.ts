import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../../shared/protocol.js';

/** A decoded, validated client frame. Anything else is refused before it touches a document. */
export type ClientFrame =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array; step2: boolean; decoded: DecodedUpdate }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'query-awareness' };

/** A Yjs update decoded into its structs and delete set (Y.decodeUpdate), checked before it is applied. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export class MalformedFrame extends Error {}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes after message');
}

function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new MalformedFrame('awareness state is not JSON');
    }
    entries.push({ clientId, clock, state });
  }
  expectEnd(d);
  return entries;
}

/**
 * Strict decoding. y-protocols' own reader catches and logs errors from a bad update after part of it
 * may already be applied; here a frame is fully decoded (including the Yjs update's structs and delete
 * set) before anyone applies it.
 */
export function decodeFrame(data: Uint8Array): ClientFrame {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        expectEnd(d);
        if (sub === SYNC_STEP1) {
          Y.decodeStateVector(payload);
          return { type: 'sync-step1', stateVector: payload };
        }
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
          const decoded = Y.decodeUpdate(payload);
          return { type: 'sync-update', update: payload, step2: sub === SYNC_STEP2, decoded };
        }
        throw new MalformedFrame(`unknown sync message ${sub}`);
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(d);
        expectEnd(d);
        return { type: 'awareness', update, entries: decodeAwareness(update) };
      }
      case MESSAGE_QUERY_AWARENESS:
        expectEnd(d);
        return { type: 'query-awareness' };
      default:
        throw new MalformedFrame(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedFrame) throw error;
    throw new MalformedFrame(error instanceof Error ? error.message : String(error));
  }
}

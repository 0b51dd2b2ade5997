import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { JoinState } from './JoinState.js';
import { encodeUpdate } from './encode.js';

/** Applies the frames a joiner is sent (sync step 2 and update messages both carry an update). */
function joinerDoc(frames: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const d = decoding.createDecoder(frame);
    decoding.readVarUint(d); // message type: sync
    decoding.readVarUint(d); // sync step 2 or update
    Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
  return doc;
}

describe('JoinState', () => {
  it('[P10] keeps a bounded number of frames while nobody joins, and a later joiner still gets everything', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const state = new JoinState();
    state.framesFor(doc);
    let most = 0;
    for (let i = 0; i < 1000; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      text.insert(text.length, 'a');
      state.committed(encodeUpdate(update!));
      most = Math.max(most, state.keptFrames);
    }
    expect(most).toBeLessThanOrEqual(64 + 1);
    expect(joinerDoc(state.framesFor(doc)).getText('t').toString()).toBe('a'.repeat(1000));
    // And once it holds layers again, the tail and the change since reach a joiner too.
    for (let i = 0; i < 40; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      text.insert(0, 'b');
      state.committed(encodeUpdate(update!));
    }
    expect(joinerDoc(state.framesFor(doc)).getText('t').toString()).toBe(`${'b'.repeat(40)}${'a'.repeat(1000)}`);
  });
});

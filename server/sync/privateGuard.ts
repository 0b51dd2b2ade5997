import * as Y from 'yjs';
import type { Notice } from '../../shared/notices.js';
import type { Origin } from '../../shared/origins.js';
import {
  checkPrivateChange,
  getScores,
  getVotes,
  type PrivateCheckContext,
} from '../../shared/rounds/privateInputs.js';

/**
 * Content rules of a private inputs document ([Q2]–[Q4], [Q6], [Y2]; ADR 0025), the way the column
 * guard does it for maps (ADR 0006): apply the owner's update, note the keys it wrote, check the result
 * against the session's rounds and the joint map, and revert the whole transaction with a compensating
 * change when a rule is broken. The revert goes out like any change, so the owner's other tabs agree.
 * Returns the notice for the sender, or null when the change holds.
 */
export function applyPrivateGuarded(
  doc: Y.Doc,
  update: Uint8Array,
  origin: Origin,
  context: () => PrivateCheckContext,
): Notice | null {
  const votes = getVotes(doc);
  const scores = getScores(doc);
  const voteKeys = new Set<string>();
  const scoreKeys = new Set<string>();
  const undo = new Y.UndoManager([votes, scores], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const onVotes = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin === origin) for (const key of event.keysChanged) voteKeys.add(key);
  };
  const onScores = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin === origin) for (const key of event.keysChanged) scoreKeys.add(key);
  };
  votes.observe(onVotes);
  scores.observe(onScores);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    votes.unobserve(onVotes);
    scores.unobserve(onScores);
  }
  const reason = voteKeys.size + scoreKeys.size > 0 ? checkPrivateChange(doc, voteKeys, scoreKeys, context()) : null;
  if (reason) undo.undo();
  undo.destroy();
  return reason ? { code: 'private-refused', reason } : null;
}

import * as Y from 'yjs';
import { encodeSyncStep2, encodeUpdate } from './encode.js';

/** Broadcast frames kept for joiners before the change since the step 2 is encoded again as one update. */
const TAIL_FRAMES = 16;
/**
 * Frames kept while nobody joins. Past this the layers are dropped and the next joiner encodes the
 * document once: without a bound, a room nobody joined for an hour kept every broadcast of that hour.
 */
const MAX_KEPT_FRAMES = 4 * TAIL_FRAMES;
/**
 * The change since the step 2 may grow to this share of its size (at least MIN_DIFF_BYTES) before the
 * whole document is encoded afresh: a joiner never gets much more than the document itself.
 */
const DIFF_SHARE = 0.5;
const MIN_DIFF_BYTES = 16 * 1024;

/**
 * What a room sends a new client (an empty state vector: every joiner, and every attacker connection),
 * kept in three layers so that no joiner costs a whole encoding of a busy document ([P10]):
 * - `step2`: sync step 2 of the whole document, encoded once;
 * - `diff`: one sync update with the change since then (the structs past the step 2's state vector and
 *   the delete set), encoded again only every TAIL_FRAMES commits;
 * - `tail`: the broadcast frames committed since the diff (or the step 2), sent as they are.
 * Measured on a soak-sized map (600-2,000 changes): the whole document 8-16 ms, the change since
 * 0.4-0.8 ms; merging committed updates instead (Y.mergeUpdates) took 12-16 ms for 32 small ones.
 * Under the soak's attack (20 joiners and 20 commits a second) encoding the whole document after every
 * change was the server's largest cost per connection, and the change since the step 2 after every
 * change still a tenth of the server's time.
 */
export class JoinState {
  private step2: Uint8Array | null = null;
  private stateVector: Uint8Array | null = null;
  private diff: Uint8Array | null = null;
  private tail: Uint8Array[] = [];

  /**
   * The frames for a new client of the room, holding everything committed so far (what is applied but
   * not yet stored reaches it as a broadcast when its batch is stored: it is in the room already). The
   * update frames come first, so that when the client counts itself synced (on the step 2) it has it
   * all (Yjs keeps their structs pending until the step 2 brings what they build on). The frames may
   * hold changes applied but not yet stored: the caller sends them only once those are stored (P3).
   */
  framesFor(doc: Y.Doc): Uint8Array[] {
    if (!this.step2 || !this.stateVector) return this.encodeWhole(doc);
    if (this.tail.length > TAIL_FRAMES) {
      // The change since the step 2, as the document is now: it holds every frame of the tail.
      this.diff = encodeUpdate(Y.encodeStateAsUpdate(doc, this.stateVector));
      this.tail = [];
      if (this.diff.byteLength > Math.max(MIN_DIFF_BYTES, this.step2.byteLength * DIFF_SHARE))
        return this.encodeWhole(doc);
    }
    return [...(this.diff ? [this.diff] : []), ...this.tail, this.step2];
  }

  /** A batch was committed and broadcast with this frame: joiners from now on get it too. */
  committed(frame: Uint8Array): void {
    if (!this.step2) return;
    this.tail.push(frame);
    if (this.tail.length > MAX_KEPT_FRAMES) {
      this.step2 = null;
      this.stateVector = null;
      this.diff = null;
      this.tail = [];
    }
  }

  /** Broadcast frames held for the next joiner (bounded by MAX_KEPT_FRAMES). */
  get keptFrames(): number {
    return this.tail.length;
  }

  private encodeWhole(doc: Y.Doc): Uint8Array[] {
    this.step2 = encodeSyncStep2(doc);
    this.stateVector = Y.encodeStateVector(doc);
    this.diff = null;
    this.tail = [];
    return [this.step2];
  }
}

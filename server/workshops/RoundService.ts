import * as Y from 'yjs';
import { getCards, readCardColumn } from '../../shared/cardSchema.js';
import { readCardField } from '../../shared/card/read.js';
import { JOINT_MAP, privateDoc } from '../../shared/docName.js';
import type { ParticipantId } from '../../shared/ids.js';
import { SERVER } from '../../shared/origins.js';
import type { Principal } from '../../shared/permissions.js';
import { roomName } from '../../shared/protocol.js';
import { settleRounds, type PrivateSource } from '../../shared/rounds/aggregate.js';
import {
  getVotes,
  readMyVotes,
  spent,
  writePartnerSpent,
  type PrivateCheckContext,
} from '../../shared/rounds/privateInputs.js';
import { readRound, readRounds } from '../../shared/rounds/rounds.js';
import type { DocStore, WorkshopStore } from '../store/Store.js';
import type { Room } from '../sync/Room.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';

/** A private document with whose it is, and whether it is a loaded room (then phones see what is written in it). */
type Source = PrivateSource & { id: string; live: boolean };

/**
 * Rounds of private input on the server (ADR 0025): the context the private documents' guard checks a
 * vote or score against ([Q2]), and the bookkeeping of the session's rounds: open what the facilitator
 * asked for, close and aggregate ([Q4], [Y3]). Only this service reads private documents, and it
 * writes nothing but aggregates into the session document.
 */
export class RoundService {
  constructor(
    private readonly store: DocStore & WorkshopStore,
    private readonly registry: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Each participant's private document with their partner, read from memory when loaded and from the
   * store otherwise (without loading a room). Removed people are left out. `partner`: only theirs.
   */
  private sources(workshopId: string, only?: { partner: string; except: string }): Source[] {
    const out: Source[] = [];
    for (const p of this.store.participantsOf(workshopId)) {
      if (p.revoked || p.access !== 'participant') continue;
      if (only && (p.partner !== only.partner || p.id === only.except)) continue;
      const name = roomName(workshopId, privateDoc(p.id as ParticipantId));
      const live = this.registry.peek(name);
      if (live) {
        out.push({ id: p.id, partner: p.partner, doc: live.doc, live: true });
        continue;
      }
      const stored = this.store.loadDoc(name);
      if (!stored.snapshot && stored.updates.length === 0) continue;
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      out.push({ id: p.id, partner: p.partner, doc, live: false });
    }
    return out;
  }

  /** What a change in `who`'s private document is checked against: the rounds, the joint map's cards. */
  checkContext(workshopId: string, who: Principal): PrivateCheckContext {
    const session = this.registry.get(roomName(workshopId, 'session'));
    let cards: ReturnType<typeof getCards> | null = null;
    const jointCards = () => {
      if (cards) return cards;
      const map = this.registry.get(roomName(workshopId, JOINT_MAP));
      this.registry.releaseIfIdle(map);
      cards = getCards(map.doc);
      return cards;
    };
    return {
      participantId: who.participantId,
      round: (id) => readRound(session.doc, id),
      card: (id) => {
        const card = jointCards().get(id);
        if (!(card instanceof Y.Map)) return null;
        const column = readCardColumn(card);
        return column ? { column, author: readCardField(card, 'author') } : null;
      },
      partnerSpentByOthers: (roundId) =>
        this.sources(workshopId, { partner: who.partner, except: who.participantId }).reduce(
          (sum, s) => sum + spent(readMyVotes(s.doc, roundId)),
          0,
        ),
    };
  }

  /** After the facilitator's requests changed (and once at load): open and close rounds. */
  settle(workshopId: string): string[] {
    const session = this.registry.get(roomName(workshopId, 'session'));
    const closed = settleRounds(session.doc, this.now(), () => this.sources(workshopId), SERVER);
    this.registry.releaseIfIdle(session);
    return closed;
  }

  /**
   * [Q8] Keep, in the private document of each loaded colleague of `participantId`'s partner, the votes
   * the others of that partner spent in each open per-partner round: only a number, so a phone shows
   * what the partner has left while nobody learns who voted on what. Run after a change of someone's
   * votes and when a private document is loaded (a phone that was away gets it fresh).
   */
  sharePartnerSpent(workshopId: string, participantId: string): void {
    const session = this.registry.peek(roomName(workshopId, 'session'));
    const open = session
      ? readRounds(session.doc).filter((r) => r.kind === 'votes' && r.per === 'partner' && r.closedAt === null)
      : [];
    if (open.length === 0) return;
    const all = this.sources(workshopId);
    const partner = all.find((s) => s.id === participantId)?.partner;
    if (!partner) return;
    const members = all.filter((s) => s.partner === partner);
    for (const round of open) {
      const spentBy = new Map(members.map((m) => [m.id, spent(readMyVotes(m.doc, round.id))]));
      const total = [...spentBy.values()].reduce((a, b) => a + b, 0);
      for (const m of members) if (m.live) writePartnerSpent(m.doc, round.id, total - (spentBy.get(m.id) ?? 0), SERVER);
    }
  }

  /**
   * Watch a loaded private document: share its owner's partner's spending now and after each change of
   * its votes ([Q8]). Deferred to a microtask, so a change the guard reverts is counted as the result
   * of the whole check (never the reverted votes), and a burst of changes is counted once.
   */
  watchPrivate(room: Room): void {
    if (room.docName.kind !== 'private') return;
    const { participant } = room.docName;
    let queued = false;
    const share = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (!room.destroyed) this.sharePartnerSpent(room.workshopId, participant);
      });
    };
    getVotes(room.doc).observe(share);
    share();
  }
}

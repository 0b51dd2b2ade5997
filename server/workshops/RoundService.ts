import * as Y from 'yjs';
import type { WorkshopPerson } from '../../shared/agreement.js';
import { getCards, readCardColumn } from '../../shared/cardSchema.js';
import { readCardField } from '../../shared/card/read.js';
import { JOINT_MAP, privateDoc } from '../../shared/docName.js';
import type { ParticipantId } from '../../shared/ids.js';
import { SERVER } from '../../shared/origins.js';
import type { Principal } from '../../shared/permissions.js';
import { roomName } from '../../shared/protocol.js';
import { settleRounds, type PrivateSource } from '../../shared/rounds/aggregate.js';
import { getVotes, writePartnerSpent, type PrivateCheckContext } from '../../shared/rounds/privateInputs.js';
import { readRound, readRounds } from '../../shared/rounds/rounds.js';
import type { DocStore, WorkshopStore } from '../store/Store.js';
import type { Room } from '../sync/Room.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';
import { SpentByDoc } from './SpentByDoc.js';

/** A private document with whose it is, and whether it is a loaded room (then phones see what is written in it). */
type Source = PrivateSource & { id: string; live: boolean };

/**
 * Rounds of private input on the server (ADR 0025): the context the private documents' guard checks a
 * vote or score against ([Q2]), and the bookkeeping of the session's rounds: open what the facilitator
 * asked for, close and aggregate ([Q4], [Y3]). Only this service reads private documents, and it
 * writes nothing but aggregates into the session document.
 *
 * The guard runs synchronously on every vote, and the store is asynchronous (Postgres, [P20]), so the
 * private documents of a workshop are read ahead once (`prepare`, awaited before a private room is
 * served) and kept here while the workshop's session is loaded: a live room's own document, or the
 * stored state of one that is not loaded, or the last state of one that unloaded. No vote reads the
 * store.
 */
export class RoundService {
  /** Per workshop: each participant's private document as last known in this process. */
  private readonly docs = new Map<string, Map<string, Y.Doc>>();
  private readonly preparing = new Map<string, Promise<void>>();
  /** [Q8] Votes spent per document and round, read again only after that document's votes changed. */
  private readonly spentBy = new SpentByDoc();

  constructor(
    private readonly store: DocStore & WorkshopStore,
    private readonly registry: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads every private document of the workshop not yet known here; concurrent callers share it. */
  prepare(workshopId: string): Promise<void> {
    let pending = this.preparing.get(workshopId);
    if (!pending) {
      pending = this.readAhead(workshopId).finally(() => this.preparing.delete(workshopId));
      this.preparing.set(workshopId, pending);
    }
    return pending;
  }

  private async readAhead(workshopId: string): Promise<void> {
    const docs = this.docsOf(workshopId);
    const people = await this.store.participantsOf(workshopId);
    await Promise.all(
      people.map(async (p) => {
        if (docs.has(p.id)) return;
        const stored = await this.store.loadDoc(roomName(workshopId, privateDoc(p.id as ParticipantId)));
        // A room that loaded meanwhile is newer than what was read.
        if (docs.has(p.id) || (!stored.snapshot && stored.updates.length === 0)) return;
        const doc = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
        docs.set(p.id, doc);
      }),
    );
  }

  private docsOf(workshopId: string): Map<string, Y.Doc> {
    let docs = this.docs.get(workshopId);
    if (!docs) {
      docs = new Map();
      this.docs.set(workshopId, docs);
    }
    return docs;
  }

  /** A room was loaded: a private room's document is from now on the one to read. */
  roomLoaded(room: Room): void {
    const pid = privateOwner(room);
    if (pid) this.docsOf(room.workshopId).set(pid, room.doc);
  }

  /**
   * A room is about to unload: keep a private document's last state (its room's document is destroyed);
   * forget the workshop with its session, which every private room pins.
   */
  roomDropped(room: Room): void {
    const pid = privateOwner(room);
    if (pid && !room.destroyed) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      this.docs.get(room.workshopId)?.set(pid, copy);
    } else if (room.docName.kind === 'session') this.docs.delete(room.workshopId);
  }

  /**
   * Each listed participant's private document with their partner. Removed people are left out.
   * Synchronous: reads what `prepare` and the rooms left here.
   */
  private sources(workshopId: string): Source[] {
    const people: readonly WorkshopPerson[] = this.registry.peopleOf(workshopId) ?? [];
    return people
      .filter((p) => !p.removed && p.access === 'participant')
      .flatMap((p) => this.source(workshopId, p.id, p.partner) ?? []);
  }

  private source(workshopId: string, id: string, partner: string): Source | null {
    const doc = this.docs.get(workshopId)?.get(id);
    if (!doc) return null;
    const live = this.registry.peek(roomName(workshopId, privateDoc(id as ParticipantId)))?.doc === doc;
    return { id, partner, doc, live };
  }

  /** [Q8] The private documents of `participantId`'s partner (theirs included), from the registry's per-partner index. */
  private colleagues(workshopId: string, participantId: string): Source[] {
    const found = this.registry.colleaguesOf(workshopId, participantId);
    if (!found) return [];
    return [...found.ids].flatMap((id) => this.source(workshopId, id, found.partner) ?? []);
  }

  /** What a change in `who`'s private document is checked against: the rounds, the joint map's cards. */
  checkContext(workshopId: string, who: Principal): PrivateCheckContext {
    // Both pinned by the private room being written to (RoomRegistry.load).
    const session = this.loaded(roomName(workshopId, 'session'));
    const joint = this.loaded(roomName(workshopId, JOINT_MAP));
    return {
      participantId: who.participantId,
      round: (id) => readRound(session.doc, id),
      card: (id) => {
        const card = getCards(joint.doc).get(id);
        if (!(card instanceof Y.Map)) return null;
        const column = readCardColumn(card);
        return column ? { column, author: readCardField(card, 'author') } : null;
      },
      partnerSpentByOthers: (roundId) =>
        this.colleagues(workshopId, who.participantId).reduce(
          (sum, s) => (s.id === who.participantId ? sum : sum + this.spentBy.spent(s.doc, roundId)),
          0,
        ),
    };
  }

  private loaded(name: string): Room {
    const room = this.registry.peek(name);
    if (!room) throw new Error(`${name} is not loaded; a private room pins it`);
    return room;
  }

  /** After the facilitator's requests changed (and once at load): open and close rounds. */
  async settle(workshopId: string): Promise<string[]> {
    const session = await this.registry.get(roomName(workshopId, 'session'));
    session.pins++;
    try {
      await this.prepare(workshopId);
      return settleRounds(session.doc, this.now(), () => this.sources(workshopId), SERVER);
    } finally {
      session.pins--;
      this.registry.releaseIfIdle(session);
    }
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
    // Only this partner's people: each one's spending is read once per change of their own votes (SpentByDoc).
    const members = this.colleagues(workshopId, participantId);
    for (const round of open) {
      const spentBy = new Map(members.map((m) => [m.id, this.spentBy.spent(m.doc, round.id)]));
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

/** The participant whose private document a room holds, or null for every other kind. */
function privateOwner(room: Room): string | null {
  return room.docName.kind === 'private' ? room.docName.participant : null;
}

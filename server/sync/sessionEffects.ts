import type { ColumnId } from '../../shared/columns.js';
import { MIGRATION, SERVER } from '../../shared/origins.js';
import { getRequests } from '../../shared/rounds/rounds.js';
import { readSession } from '../../shared/session.js';
import { readWorkshopSettings } from '../../shared/workshopSettings.js';
import { readCurrentMeetingId, readMeetings } from '../../shared/trajectory.js';
import type { Room } from './Room.js';

export interface SessionEffects {
  /** The facilitator moved to another step: save a version of every map. */
  onStepChange(active: ColumnId[]): void;
  /** The facilitator asked to reveal the private cards. */
  onReveal(): void;
  /** Partners first: the mixed session opened (or closed again); or drafts reading was switched ([H6]). */
  onStageChange(): void;
  /** The facilitator asked to open or close a round of votes or scores (ADR 0025). */
  onRoundRequest(): void;
  /** A meeting of the trajectory began: save a version of every map, labelled with it [J2]. */
  onMeetingStart(label: string): void;
}

/**
 * Turns changes of a workshop's session document into server actions. They run after the current
 * message has been handled (setImmediate), so they never nest inside the facilitator's transaction.
 */
export function watchSession(room: Room, effects: SessionEffects): void {
  let last = readSession(room.doc);
  let lastReadable = readWorkshopSettings(room.doc).draftsReadable;
  const requests: unknown = getRequests(room.doc);
  // A request written before a restart is settled when the session is loaded again.
  if (getRequests(room.doc).size > 0) setImmediate(() => effects.onRoundRequest());
  let lastMeeting = readCurrentMeetingId(room.doc);
  room.doc.on('afterTransaction', (tr) => {
    if (tr.origin === MIGRATION) return;
    if (tr.origin !== SERVER && [...tr.changed.keys()].some((t) => t === requests))
      setImmediate(() => effects.onRoundRequest());
    const now = readSession(room.doc);
    if (now.revealSeq > last.revealSeq) setImmediate(() => effects.onReveal());
    const readable = readWorkshopSettings(room.doc).draftsReadable;
    if (now.stage !== last.stage || readable !== lastReadable) setImmediate(() => effects.onStageChange());
    lastReadable = readable;
    if (now.guided && JSON.stringify(now.active) !== JSON.stringify(last.active)) {
      const active = now.active;
      setImmediate(() => effects.onStepChange(active));
    }
    last = now;
    const meeting = readCurrentMeetingId(room.doc);
    if (meeting !== lastMeeting && meeting !== null) {
      const m = readMeetings(room.doc).find((x) => x.id === meeting);
      if (m) setImmediate(() => effects.onMeetingStart(`${m.n} ${m.goal}`.trim()));
    }
    lastMeeting = meeting;
  });
}

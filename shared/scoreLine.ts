import { SCORE_THRESHOLD, type PartnerScore, type ScoreResult } from './rounds/rounds.js';
import type { ScoreRound } from './scores.js';
import type { Meeting } from './trajectory.js';

/**
 * The check-in and check-out scores as a line over the trajectory (issue 14, [Y6]–[Y8]): per meeting
 * its check-in and its check-out, as the server aggregated them at the close ([Y3]). The console, the
 * projector and the exports all read the line through this file, so the rule that nothing below
 * SCORE_THRESHOLD answers is shown holds in one place for all three.
 */

/** One check-in or check-out on the line: only what may be shown. */
export interface ScoreMoment {
  roundId: string;
  kind: 'checkin' | 'checkout';
  answered: number;
  /** Averages over everyone; null below SCORE_THRESHOLD answers. */
  overall: { klik: number; taak: number } | null;
  /** Per partner id, only partners with at least SCORE_THRESHOLD answers. */
  perPartner: Record<string, PartnerScore>;
  /** The optional words, sorted; none below SCORE_THRESHOLD answers. */
  words: string[];
}

export interface MeetingScores {
  meeting: Meeting;
  checkin: ScoreMoment | null;
  checkout: ScoreMoment | null;
}

/**
 * [Y3] What of an aggregate may be shown: averages only from SCORE_THRESHOLD answers on, in all and
 * per partner. The server already writes no more than that; this is applied again on reading, so no
 * screen or file depends on every writer having kept the rule.
 */
export function shownScores(result: ScoreResult): Pick<ScoreMoment, 'answered' | 'overall' | 'perPartner' | 'words'> {
  const perPartner: Record<string, PartnerScore> = {};
  for (const [id, p] of Object.entries(result.perPartner)) if (p.answered >= SCORE_THRESHOLD) perPartner[id] = p;
  return {
    answered: result.answered,
    overall: result.answered >= SCORE_THRESHOLD ? result.overall : null,
    perPartner: result.answered >= SCORE_THRESHOLD ? perPartner : {},
    words: result.answered >= SCORE_THRESHOLD ? result.words : [],
  };
}

/**
 * [Y6] The line: every meeting in its order with its check-in and check-out. A round counts for the
 * meeting that was going on when it opened; when a meeting had more than one of a kind, the last
 * closed one counts. Open rounds, and rounds opened while no meeting was going on, are not on it.
 */
export function scoreLine(meetings: readonly Meeting[], rounds: readonly ScoreRound[]): MeetingScores[] {
  const byMeeting = new Map<string, { checkin: ScoreMoment | null; checkout: ScoreMoment | null }>();
  const closed = rounds
    .filter((r) => r.result && r.closedAt !== null && r.meeting)
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0));
  for (const r of closed) {
    const slot = byMeeting.get(r.meeting!) ?? { checkin: null, checkout: null };
    slot[r.kind] = { roundId: r.id, kind: r.kind, ...shownScores(r.result!) };
    byMeeting.set(r.meeting!, slot);
  }
  return meetings.map((meeting) => ({
    meeting,
    checkin: byMeeting.get(meeting.id)?.checkin ?? null,
    checkout: byMeeting.get(meeting.id)?.checkout ?? null,
  }));
}

/** Whether the line has anything to draw: at least one moment with averages. */
export function lineHasScores(line: readonly MeetingScores[]): boolean {
  return line.some((m) => m.checkin?.overall || m.checkout?.overall);
}

/** Whose scores a line shows: everyone's averages, or one partner's (absent where below the threshold). */
export type LineWho = { kind: 'overall' } | { kind: 'partner'; id: string };

export function momentScores(moment: ScoreMoment | null, who: LineWho): { klik: number; taak: number } | null {
  if (!moment) return null;
  if (who.kind === 'overall') return moment.overall;
  const p = moment.perPartner[who.id];
  return p ? { klik: p.klik, taak: p.taak } : null;
}

/** The partners that have averages somewhere on the line, in the order of `partnerIds`. */
export function partnersOnLine(line: readonly MeetingScores[], partnerIds: readonly string[]): string[] {
  const seen = new Set(line.flatMap((m) => [m.checkin, m.checkout]).flatMap((x) => Object.keys(x?.perPartner ?? {})));
  return partnerIds.filter((id) => seen.has(id));
}

/** One row of the line's table: a moment of a meeting, for everyone or one partner. */
export interface LineRow {
  kind: 'checkin' | 'checkout';
  answered: number;
  who: LineWho;
  /** null: too few answers for an average ([Y3]). */
  scores: { klik: number; taak: number } | null;
}

/**
 * [Y7][Y8] The rows of a meeting's table, the same for the console and the exports: per moment a row
 * for everyone, then one per partner with averages (in the order of `partnerIds`, others after).
 */
export function meetingRows(m: MeetingScores, partnerIds: readonly string[]): LineRow[] {
  const rank = (id: string) => {
    const i = partnerIds.indexOf(id);
    return i < 0 ? partnerIds.length : i;
  };
  return (['checkin', 'checkout'] as const).flatMap((kind) => {
    const moment = m[kind];
    if (!moment) return [];
    const partners = Object.keys(moment.perPartner).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
    return [
      { kind, answered: moment.answered, who: { kind: 'overall' } as const, scores: moment.overall },
      ...partners.map((id) => ({
        kind,
        answered: moment.perPartner[id].answered,
        who: { kind: 'partner', id } as const,
        scores: momentScores(moment, { kind: 'partner', id }),
      })),
    ];
  });
}

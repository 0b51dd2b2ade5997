import { useEffect, useState } from 'react';
import type { ActionOwner } from '../../../shared/card/fields.js';
import { localDate, readCurrentMeetingId, readMeetings, type Meeting } from '../../../shared/trajectory.js';
import { useDocValue, useParticipants, usePartners, useProjectorShows } from '../../workshop/hooks.js';

const NO_MEETINGS: Meeting[] = [];

export function useMeetings(): Meeting[] {
  return useDocValue('session', readMeetings, NO_MEETINGS);
}

export function useCurrentMeetingId(): string | null {
  return useDocValue('session', readCurrentMeetingId, null);
}

/** The meeting going on, or null: none was started. */
export function useCurrentMeeting(): Meeting | null {
  const meetings = useMeetings();
  const id = useCurrentMeetingId();
  return meetings.find((m) => m.id === id) ?? null;
}

/** The review is on the projector and the phones ([J6], [Y9]). */
export function useReviewShown(): boolean {
  return useProjectorShows().kind === 'review';
}

/**
 * Today on this device's own calendar (YYYY-MM-DD): meeting and due dates are days, read where they
 * are shown (docs/decisions/0027). Checked again every minute, so a screen left open past midnight moves on.
 */
export function useToday(): string {
  const [today, setToday] = useState(() => localDate(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(localDate(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/** The name of an action's owner: the person's name or the partner's, '' when nobody is set. */
export function useOwnerName(): (owner: ActionOwner | null) => string {
  const people = useParticipants();
  const partners = usePartners();
  return (owner) => {
    if (!owner) return '';
    if (owner.kind === 'partner') return partners.get(owner.id)?.name ?? '';
    return people.find((p) => p.id === owner.id)?.name ?? '';
  };
}

/** A day as people read it, in the language shown: "ma 7 december 2026". */
export function formatDay(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(y, m - 1, d).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

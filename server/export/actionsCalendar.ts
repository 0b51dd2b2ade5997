import { createEvents, type EventAttributes } from 'ics';
import { agreedActions } from '../../shared/followUp.js';
import { followUpTexts, ownerName } from '../../shared/export/standVanZaken.js';
import type { ExportInput } from '../../shared/export/exportInput.js';
import { addDays } from '../../shared/trajectory.js';

/**
 * The agreed actions with a due date as an iCalendar file [J8], made with the `ics` library (it
 * escapes and folds the lines as RFC 5545 asks). One all-day event per action on its due date; the
 * uid is the card id with the workshop's, so importing the file again updates the events instead of
 * adding copies. Done and dropped actions are left out: nothing to do on that day.
 */
export function actionsCalendar(input: ExportInput, workshopId: string): string {
  const { t, status } = followUpTexts(input.lang);
  const ymd = (d: string) => d.split('-').map(Number) as [number, number, number];
  const events: EventAttributes[] = agreedActions(input.map)
    .filter((a) => a.actionDue && a.actionStatus !== 'done' && a.actionStatus !== 'dropped')
    .map((a) => ({
      uid: `${a.id}.${workshopId}@partnerschapskaart`,
      title: t('calendarTitle', { text: (a.agreedVersion?.text || a.plainText).trim().slice(0, 120) }),
      description: t('calendarDescription', { owner: ownerName(input, a) || '–', status: status(a.actionStatus) }),
      start: ymd(a.actionDue),
      end: ymd(addDays(a.actionDue, 1)),
    }));
  const { error, value } = createEvents(events, { calName: input.title });
  if (error || !value) throw error ?? new Error('the calendar could not be made');
  return value;
}

import type { TFunction } from 'i18next';
import { getColumn, type ColumnId, type Lang } from '../../shared/columns.js';
import type { Meeting } from '../../shared/trajectory.js';

/** "Stap 1 · Waarden", "Stap 2–5 · Relaties, Handelen, Condities, Acties". */
export function stepsLabel(t: TFunction, lang: Lang, columns: readonly ColumnId[]): string {
  if (columns.length === 0) return t('console.noStep');
  const defs = [...columns].map(getColumn).sort((a, b) => a.step - b.step);
  const nums = defs.map((d) => d.step);
  const contiguous = nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
  const steps =
    nums.length === 1 ? String(nums[0]) : contiguous ? `${nums[0]}–${nums[nums.length - 1]}` : nums.join(', ');
  return t('console.stepsLabel', { count: nums.length, steps, names: defs.map((d) => d.label[lang]).join(', ') });
}

/** The goal to show: the facilitator's own, or a default that fits the meeting. */
export function meetingGoal(m: Meeting, t: TFunction): string {
  if (m.goal) return m.goal;
  if (m.stage === 'homogeneous') return t('trajectory.goalDefault.homogeneous');
  return t(m.steps.includes('review') ? 'trajectory.goalDefault.review' : 'trajectory.goalDefault.map');
}

/**
 * Where the workshop is now, the one sentence for it: the meeting going on (if one was started) and
 * the step(s) open. The console's header and its tab Traject both show it, so they never disagree [J3].
 * "Nu: bijeenkomst 1 – Samen de kaart vullen · Stap 1 · Waarden", "Nu: nog niet gestart. …".
 */
export function whereNow(
  t: TFunction,
  lang: Lang,
  now: { meeting: Meeting | null; guided: boolean; active: readonly ColumnId[] },
): string {
  const steps = now.guided ? stepsLabel(t, lang, now.active) : null;
  const meeting = now.meeting && t('trajectory.now.meeting', { n: now.meeting.n, goal: meetingGoal(now.meeting, t) });
  const where = meeting
    ? t('trajectory.now.meetingAndSteps', { meeting, steps: steps ?? t('trajectory.now.allOpen') })
    : (steps ?? t('trajectory.now.notStarted'));
  return t('trajectory.now.sentence', { where });
}

import type { CardStatus } from '../cardSchema.js';

/** Sizes in points. The card text size is chosen by the layout between cardMax and cardMin. */
export const FONT = {
  cardMax: 11,
  /** [E1] Legible on an A3 sheet on the wall; below this the map goes on to a second sheet instead. */
  cardMin: 6.5,
  shrinkStep: 0.5,
  title: 15,
  date: 10,
  mapLine: 9,
  partners: 8,
  direction: 8,
  columnLabel: 12,
  question: 7.5,
  prompt: 6.5,
  banner: 10,
  footer: 7,
} as const;

export const GEOMETRY = {
  margin: 20,
  /** Space between columns; wide enough for the ← that shows the filling direction. */
  gutter: 12,
  columnPad: 4,
  /** Space between the sub-columns a wide column flows its cards into. */
  subGap: 4,
  /** A sub-column is never narrower than this: about 22 characters at the smallest size. */
  minSubWidth: 92,
  /** A column is never narrower than this, so its heading and prompts stay readable. */
  minColumnWidth: 124,
  cardPad: 3,
  cardRadius: 3,
  cardGap: 2.5,
  headerPad: 5,
} as const;

/** Print-friendly colours; status is never told by colour alone (each card also says it in words). */
export const COLORS = {
  ink: '#1a1a1a',
  muted: '#555555',
  rule: '#b5b5b5',
  columnHead: '#ecece6',
  columnFrame: '#d2d2cc',
  stepBadge: '#1a1a1a',
  white: '#ffffff',
} as const;

export const CARD_STYLE: Record<
  CardStatus,
  { fill: string; stroke: string; lineWidth: number; dashed: boolean; mark: string }
> = {
  open: { fill: '#ffffff', stroke: '#8c8c8c', lineWidth: 0.8, dashed: false, mark: '#1a1a1a' },
  agreed: { fill: '#eaf4ea', stroke: '#2e6b2e', lineWidth: 1.4, dashed: false, mark: '#1f5a1f' },
  parked: { fill: '#f1f1f1', stroke: '#7a7a7a', lineWidth: 0.8, dashed: true, mark: '#4a4a4a' },
};

import type { CardStatus } from '../cardSchema.js';

/** Sizes in points. The card text size is chosen by the layout between these two. */
export const FONT = {
  cardMax: 12,
  /** Legible on an A3 sheet held at reading distance; below this the map goes to more pages instead. */
  cardMin: 7,
  shrinkStep: 0.5,
  title: 18,
  date: 11,
  mapLine: 10.5,
  partners: 9.5,
  direction: 9.5,
  stepLine: 9,
  columnLabel: 14,
  question: 8.5,
  footer: 8,
  formula: 10,
} as const;

export const GEOMETRY = {
  margin: 28,
  /** Space between columns; wide enough for the ← that shows the filling direction. */
  gutter: 14,
  columnPad: 5,
  cardPad: 6,
  cardRadius: 5,
  cardGap: 5,
  headerPad: 7,
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

export const CARD_STYLE: Record<CardStatus, { fill: string; stroke: string; lineWidth: number; dashed: boolean; mark: string }> = {
  open: { fill: '#ffffff', stroke: '#8c8c8c', lineWidth: 0.8, dashed: false, mark: '#1a1a1a' },
  agreed: { fill: '#eaf4ea', stroke: '#2e6b2e', lineWidth: 1.4, dashed: false, mark: '#1f5a1f' },
  parked: { fill: '#f1f1f1', stroke: '#7a7a7a', lineWidth: 0.8, dashed: true, mark: '#4a4a4a' },
};

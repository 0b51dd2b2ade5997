/** Kept apart from the rest of the rounds: the notice codec (on every page's first load) needs only this. */
/** Why the server reverts a change of private inputs (sent as a notice). */
export const PRIVATE_REFUSALS = [
  'round-closed',
  'over-budget',
  'own-card',
  'wrong-column',
  'unknown-card',
  'invalid',
] as const;
export type PrivateRefusal = (typeof PRIVATE_REFUSALS)[number];

/** Vote rounds and check-in/out: private inputs aggregated by the server (ADR 0025, [Q1]–[Q7], [Y1]–[Y5]). */
export { PrivateRounds } from './PrivateRounds.js';
export { ProjectorRound } from './ProjectorRound.js';
export { RoundsPanel } from './RoundsPanel.js';
export { useShownRound, useVoteTotals } from './useRounds.js';

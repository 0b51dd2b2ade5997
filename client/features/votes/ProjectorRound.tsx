import { RoundResult } from './RoundResult.js';
import { useShownRound } from './useRounds.js';
import './votes.css';

/** On the projector, on the facilitator's command: the results of one closed round ([Q5], [Y4]). */
export function ProjectorRound() {
  const round = useShownRound();
  if (!round) return null;
  return (
    <section className="projector-round" data-testid="projector.round" aria-live="polite">
      <RoundResult round={round} heading="h2" />
    </section>
  );
}

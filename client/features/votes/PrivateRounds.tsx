import { openRound } from '../../../shared/rounds/rounds.js';
import { ScorePanel } from './ScorePanel.js';
import { usePrivateDoc, useRounds } from './useRounds.js';
import { VotePanel } from './VotePanel.js';
import './votes.css';

/** On a participant's map: the open vote round and the open check-in/out, when there are any. */
export function PrivateRounds() {
  const rounds = useRounds();
  const { name, doc } = usePrivateDoc();
  if (!name || !doc) return null;
  const vote = openRound(rounds, 'votes');
  const score = openRound(rounds, 'scores');
  if (!vote && !score) return null;
  return (
    <div className="private-rounds">
      {score && <ScorePanel round={score} name={name} doc={doc} />}
      {vote && <VotePanel round={vote} name={name} doc={doc} />}
    </div>
  );
}

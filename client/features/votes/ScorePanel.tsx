import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DocNameString } from '../../../shared/docName.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setScores } from '../../../shared/rounds/privateInputs.js';
import { SCORE_MAX, SCORE_MIN, SCORE_WORD_MAX, type RoundRecord } from '../../../shared/rounds/rounds.js';
import { useMyScores } from './useRounds.js';

interface Props {
  round: RoundRecord;
  name: DocNameString;
  doc: Y.Doc;
}

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** One score from 1 to 10 as a row of radio buttons (arrow keys move, one tab stop). */
function ScoreChoice({
  label,
  help,
  value,
  onChange,
}: {
  label: string;
  help: string;
  value: number;
  onChange: (n: number) => void;
}) {
  const id = useId();
  return (
    <fieldset className="score-choice">
      <legend>
        <strong>{label}</strong> <span className="hint">{help}</span>
      </legend>
      <div className="score-scale">
        {SCORES.map((n) => (
          <label key={n} className="score-option">
            <input type="radio" name={id} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** [Y2] Check-in or check-out: de klik and de taak (1–10) and one optional word, changeable until the close. */
export function ScorePanel({ round, name, doc }: Props) {
  const { t } = useTranslation();
  const saved = useMyScores(name, round.id);
  const [klik, setKlik] = useState(0);
  const [taak, setTaak] = useState(0);
  const [word, setWord] = useState('');
  useEffect(() => {
    if (!saved) return;
    setKlik(saved.klik);
    setTaak(saved.taak);
    setWord(saved.word);
  }, [saved]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (klik && taak) setScores(doc, round.id, { klik, taak, word }, LOCAL_USER);
  };
  const kind = round.kind === 'checkout' ? 'checkout' : 'checkin';
  return (
    <form className="score-panel" data-testid="scores.panel" onSubmit={submit} aria-labelledby={`score-${round.id}`}>
      <h2 id={`score-${round.id}`}>{t(`votes.score.${kind}`)}</h2>
      <p className="hint">{t('votes.score.intro')}</p>
      <ScoreChoice label={t('votes.score.klik')} help={t('votes.score.klikHelp')} value={klik} onChange={setKlik} />
      <ScoreChoice label={t('votes.score.taak')} help={t('votes.score.taakHelp')} value={taak} onChange={setTaak} />
      <div className="score-send">
        <label>
          {t('votes.score.word')}
          <input value={word} maxLength={SCORE_WORD_MAX} onChange={(e) => setWord(e.target.value)} />
        </label>
        <button type="submit" className="button button-primary" disabled={!klik || !taak}>
          {t('votes.score.send')}
        </button>
      </div>
      <p className="hint" aria-live="polite" data-testid="scores.saved">
        {saved ? t('votes.score.saved') : ''}
      </p>
    </form>
  );
}

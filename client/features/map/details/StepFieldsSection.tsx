import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_FIELD_MAX } from '../../../../shared/cardDetails.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import type { Dialogue } from './useDialogue.js';

const KEYS = ['who', 'what', 'when'] as const;
type Key = (typeof KEYS)[number];
const SAVE_AFTER_MS = 600;

/** Acties: who does what, and when (needed before the card can be agreed). Saved while typing and on leaving the field. */
export function StepFieldsSection({
  card,
  dialogue,
  canWrite,
}: {
  card: CardSnapshot;
  dialogue: Dialogue;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="details-section step-fields">
      <legend>{t('cardDetails.stepHeading')}</legend>
      {KEYS.map((k) => (
        <StepField
          key={k}
          field={k}
          value={card[k]}
          dialogue={dialogue}
          canWrite={canWrite}
          label={t(`cardDetails.step.${k}`)}
        />
      ))}
    </fieldset>
  );
}

interface FieldProps {
  field: Key;
  value: string;
  label: string;
  dialogue: Dialogue;
  canWrite: boolean;
}

function StepField({ field, value, label, dialogue, canWrite }: FieldProps) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current !== null) dialogue.setStepFields({ [field]: pending.current });
    pending.current = null;
  };

  // Someone else's change shows up, unless I am typing in this field right now.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(value);
  }, [value]);

  // Nothing typed is lost when the panel closes.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);

  const onChange = (next: string) => {
    setText(next);
    pending.current = next;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_AFTER_MS);
  };

  const id = `step-field-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        data-testid={`card.step.${field}`}
        value={text}
        maxLength={STEP_FIELD_MAX}
        readOnly={!canWrite}
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
      />
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ARGUMENT_MAX, type ArgumentSide, type CardArgument } from '../../../../shared/cardDetails.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMe, usePartners } from '../../../workshop/hooks.js';
import type { Dialogue } from './useDialogue.js';

const SIDES: ArgumentSide[] = ['for', 'against'];

/** Rule 4: short arguments for and against; a person removes their own (the facilitator any). */
export function ArgumentsSection({
  card,
  dialogue,
  canWrite,
}: {
  card: CardSnapshot;
  dialogue: Dialogue;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const partners = usePartners();
  const [side, setSide] = useState<ArgumentSide>('for');
  const [text, setText] = useState('');
  const inputId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dialogue.addArgument(side, text)) setText('');
  };
  const mayRemove = (a: CardArgument) =>
    canWrite && (me.access === 'facilitator' || (!!me.participantId && a.author === me.participantId));

  return (
    <section className="details-section" aria-labelledby="details-arguments">
      <h3 id="details-arguments">{t('cardDetails.argumentsHeading')}</h3>
      <div className="arguments">
        {SIDES.map((s) => {
          const list = card.arguments.filter((a) => a.side === s);
          return (
            <div key={s} className="argument-list" data-side={s}>
              <h4>
                {t(`cardDetails.side.${s}`)} ({list.length})
              </h4>
              {list.length === 0 ? (
                <p className="hint">{t('cardDetails.argumentsNone')}</p>
              ) : (
                <ul>
                  {list.map((a) => (
                    <li key={a.id} data-testid="card.argument" data-side={s}>
                      <span className="argument-text">{a.text}</span>{' '}
                      <span className="argument-by">
                        – {a.authorName || '?'}
                        {partners.get(a.partner) ? ` (${partners.get(a.partner)!.name})` : ''}
                      </span>
                      {mayRemove(a) && (
                        <button
                          type="button"
                          className="text-button danger"
                          data-testid="card.argument.remove"
                          aria-label={t('cardDetails.argumentRemove', { text: a.text })}
                          onClick={() => dialogue.removeArgument(a.id)}
                        >
                          {t('cardDetails.remove')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      {canWrite && me.participantId && (
        <form className="argument-form" onSubmit={submit}>
          <fieldset className="argument-side">
            <legend>{t('cardDetails.argumentSide')}</legend>
            {SIDES.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name={`${inputId}-side`}
                  value={s}
                  checked={side === s}
                  data-testid={`card.argument.side.${s}`}
                  onChange={() => setSide(s)}
                />{' '}
                {t(`cardDetails.side.${s}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={inputId}>{t('cardDetails.argumentLabel')}</label>
          <div className="argument-input">
            <input
              id={inputId}
              data-testid="card.argument.text"
              maxLength={ARGUMENT_MAX}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button" data-testid="card.argument.add" disabled={!text.trim()}>
              {t('cardDetails.argumentAdd')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

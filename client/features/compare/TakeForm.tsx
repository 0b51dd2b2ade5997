import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_TAGS } from '../../../shared/compare/groupTags.js';
import type { GroupTag } from '../../../shared/compare/merge.js';
import { defaultTakeText, type PartnerCard } from './model.js';
import { Hyphenated } from '../../ui/Hyphenated.js';

const firstWords = (text: string, n = 6) => {
  const words = text.trim().split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : text.trim();
};

interface Props {
  cards: readonly PartnerCard[];
  /** The group's tag (confirmed or proposed): the default kind of the joint card. */
  defaultTag: GroupTag | '';
  /** Why taking is not possible now (closed step, writing alone), or null. */
  blocked: string | null;
  onTake: (text: string, tag: GroupTag | '') => void;
}

/**
 * "Naar de gezamenlijke kaart": a button that opens a small form. For one card the text starts as that
 * card's text; for a group the group writes one sentence (or starts from one card's text). The kind
 * (tag) goes along: a tension becomes an open point on the joint map. Escape or Annuleren closes it.
 */
export function TakeForm({ cards, defaultTag, blocked, onTake }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [tag, setTag] = useState<GroupTag | ''>('');
  const [error, setError] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(false);
  const single = cards.length === 1;

  useEffect(() => {
    if (open) area.current?.focus();
    else if (wasOpen.current && (document.activeElement === document.body || !document.activeElement))
      button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const start = () => {
    setText(defaultTakeText(cards));
    setTag(defaultTag);
    setError(false);
    setOpen(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(true);
      area.current?.focus();
      return;
    }
    setOpen(false);
    onTake(text.trim(), tag);
  };

  if (!open) {
    return (
      <div className="compare-take">
        <button
          ref={button}
          type="button"
          className="button button-small"
          data-testid="compare.take"
          aria-expanded={false}
          disabled={!!blocked}
          aria-describedby={blocked ? `${id}-blocked` : undefined}
          onClick={start}
        >
          {t('compare.take.button')}
        </button>
        {blocked && (
          <p className="hint" id={`${id}-blocked`}>
            {blocked}
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      className="compare-take-form"
      aria-label={t('compare.take.formLabel')}
      data-testid="compare.take.form"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <label htmlFor={`${id}-text`}>{t('compare.take.text')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t(single ? 'compare.take.singleHint' : 'compare.take.groupHint')}
      </p>
      <textarea
        ref={area}
        id={`${id}-text`}
        data-testid="compare.take.text"
        rows={3}
        maxLength={500}
        value={text}
        aria-invalid={error || undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim()) setError(false);
        }}
      />
      {error && (
        <p className="form-error" id={`${id}-error`} role="alert">
          {t('compare.take.empty')}
        </p>
      )}
      {!single && (
        <div className="button-row">
          {cards.map((c) => (
            <button
              key={c.card.id}
              type="button"
              className="button button-small button-quiet"
              data-testid="compare.take.useText"
              onClick={() => {
                setText(c.card.plainText);
                setError(false);
                area.current?.focus();
              }}
            >
              {t('compare.take.useText', { partner: c.partner?.name ?? c.partnerId })}: “
              {c.card.plainText ? <Hyphenated text={firstWords(c.card.plainText)} /> : t('compare.emptyCard')}”
            </button>
          ))}
        </div>
      )}
      <div className="compare-take-tag">
        <label htmlFor={`${id}-tag`}>{t('compare.take.tag')}</label>
        <select
          id={`${id}-tag`}
          data-testid="compare.take.tag"
          value={tag}
          onChange={(e) => setTag(e.target.value as GroupTag | '')}
        >
          <option value="">{t('compare.take.tagNone')}</option>
          {GROUP_TAGS.map((g) => (
            <option key={g} value={g}>
              {t(`compare.tag.${g}`)}
            </option>
          ))}
        </select>
      </div>
      {tag === 'tension' && <p className="hint">{t('compare.take.tensionHint')}</p>}
      <p className="hint">{t('compare.take.keepsOrigins')}</p>
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" data-testid="compare.take.submit">
          {t('compare.take.submit')}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          data-testid="compare.take.cancel"
          onClick={() => setOpen(false)}
        >
          {t('compare.take.cancel')}
        </button>
      </div>
    </form>
  );
}

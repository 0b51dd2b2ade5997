import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CARD_TEXT_LIMIT_DEFAULT, cardTextLength, showCounterFrom } from '../../../shared/cardLength.js';
import { useWorkshopSettings } from '../../workshop/hooks.js';

/**
 * The characters of the card being edited against the workshop's limit ([H4]), counted like the
 * server counts them. Shown near the limit and past it, so a long text is shortened before the
 * server reverts it.
 */
export function TextCounter({ fragment }: { fragment: Y.XmlFragment }) {
  const { t } = useTranslation();
  const max = useWorkshopSettings().cardTextMax ?? CARD_TEXT_LIMIT_DEFAULT;
  const subscribe = useCallback(
    (listener: () => void) => {
      fragment.observeDeep(listener);
      return () => fragment.unobserveDeep(listener);
    },
    [fragment],
  );
  const length = useSyncExternalStore(subscribe, () => cardTextLength(fragment));
  const over = length > max;
  return (
    <p className={over ? 'text-counter form-error' : 'text-counter hint'} data-testid="card.counter" aria-live="polite">
      {length < showCounterFrom(max)
        ? ''
        : over
          ? t('authorship.counter.over', { count: length - max, length, max })
          : t('authorship.counter.near', { length, max })}
    </p>
  );
}

import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClipped } from './useClipped.js';

/**
 * A list of the comparison. `fitted` (the projector): it takes the room its box gives it, hides the
 * items that do not fit whole and says how many those are, so nothing is cut silently and the page
 * never scrolls. Otherwise an ordinary list.
 */
export function FittedList({
  fitted,
  ordered,
  className,
  children,
}: {
  fitted: boolean;
  ordered?: boolean;
  className: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLUListElement & HTMLOListElement>(null);
  const clipped = useClipped(ref, fitted);
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <List ref={ref} className={className} data-fitted={fitted || undefined}>
        {children}
      </List>
      {clipped > 0 && (
        <p className="compare-clipped" data-testid="compare.clipped">
          {t('compare.notShown', { count: clipped })}
        </p>
      )}
    </>
  );
}

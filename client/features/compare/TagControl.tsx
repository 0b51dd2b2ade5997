import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_TAGS, type GroupTagEntry } from '../../../shared/compare/groupTags.js';
import type { GroupTag } from '../../../shared/compare/merge.js';

export interface TagActions {
  /** The facilitator's choice counts as confirmed at once; a participant's is a proposal. */
  isFacilitator: boolean;
  propose(key: string, tag: GroupTag): void;
  confirm(key: string): void;
  clear(key: string): void;
}

/**
 * Shared, complementary or tension: what the group makes of a group of cards. Anyone proposes; the
 * facilitator confirms (or chooses at once), and a confirmed tag is no longer open to proposals.
 * Without actions (the projector) it only shows the state.
 */
export function TagControl({
  groupKey,
  entry,
  actions,
}: {
  groupKey: string;
  entry: GroupTagEntry | null;
  actions: TagActions | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const tagName = (tag: GroupTag) => t(`compare.tag.${tag}`);
  // A confirmed tag is closed to proposals; the facilitator can still change it.
  const locked = !!actions && !!entry?.confirmed && !actions.isFacilitator;
  return (
    <div
      className="compare-tag"
      data-testid="compare.tag"
      data-tag={entry?.tag ?? ''}
      data-confirmed={entry?.confirmed ? 'true' : 'false'}
    >
      <p className="compare-tag-state">
        {entry ? (
          <span className="tag-chip" data-tag={entry.tag} data-confirmed={entry.confirmed || undefined}>
            {entry.confirmed
              ? t('compare.tag.confirmed', { tag: tagName(entry.tag) })
              : t('compare.tag.proposed', { name: entry.proposedBy || '?', tag: tagName(entry.tag) })}
          </span>
        ) : (
          <span className="compare-tag-none">{t('compare.tag.none')}</span>
        )}
      </p>
      {actions && (
        <div className="button-row compare-tag-buttons" role="group" aria-labelledby={`${id}-q`}>
          <span id={`${id}-q`} className="compare-tag-question">
            {t('compare.tag.question')}
          </span>
          {GROUP_TAGS.map((tag) => (
            <button
              key={tag}
              type="button"
              className="button button-small tag-button"
              data-tag={tag}
              data-testid={`compare.tag.${tag}`}
              aria-pressed={entry?.tag === tag}
              disabled={locked}
              onClick={() => actions.propose(groupKey, tag)}
            >
              {tagName(tag)}
            </button>
          ))}
          {actions.isFacilitator && entry && !entry.confirmed && (
            <button
              type="button"
              className="button button-small button-primary"
              data-testid="compare.tag.confirm"
              onClick={() => actions.confirm(groupKey)}
            >
              {t('compare.tag.confirm')}
            </button>
          )}
          {actions.isFacilitator && entry && (
            <button
              type="button"
              className="button button-small button-quiet"
              data-testid="compare.tag.clear"
              onClick={() => actions.clear(groupKey)}
            >
              {t('compare.tag.clear')}
            </button>
          )}
        </div>
      )}
      {locked && <p className="hint">{t('compare.tag.locked')}</p>}
    </div>
  );
}

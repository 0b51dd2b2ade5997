import { useTranslation } from 'react-i18next';
import type { CardOrigin } from '../../../shared/compare/merge.js';
import type { Partner } from '../../../shared/partners.js';
import { NEUTRAL_COLOR } from '../../collab/presence.js';
import { PartnerBadge } from '../../ui/PartnerBadge.js';

/**
 * Where a joint card came from: one badge per partner it came from (partner colour, with the name),
 * and, unless `compact`, the text each origin card had when it was taken.
 */
export function OriginBadges({
  origins,
  partners,
  compact,
}: {
  origins: readonly CardOrigin[];
  partners: ReadonlyMap<string, Partner>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (origins.length === 0) return null;
  const distinct = [...new Set(origins.map((o) => o.partner))];
  const nameOf = (id: string) => partners.get(id)?.name ?? id;
  return (
    <div className="origins" data-testid="compare.origins" data-partners={distinct.join(' ')}>
      <p className="origins-badges">
        <span className="origins-label">{t('compare.from')}:</span>{' '}
        {distinct.map((id) => (
          <PartnerBadge
            key={id}
            name={nameOf(id)}
            color={partners.get(id)?.color ?? NEUTRAL_COLOR}
            testId="compare.origin"
          />
        ))}
      </p>
      {!compact && (
        <ul className="origins-texts">
          {origins.map((o) => (
            <li key={`${o.map}/${o.cardId}`}>
              <span className="origins-partner">{nameOf(o.partner)}:</span> {o.text || t('compare.emptyCard')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

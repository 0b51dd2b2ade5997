import { useTranslation } from 'react-i18next';
import type { Partner } from '../../shared/partners.js';
import { cardPartnerIds } from '../../shared/provenance.js';
import type { CardSnapshot } from '../../shared/readModel.js';
import { usePartners } from '../workshop/hooks.js';

/** Partner colours are chosen dark enough for white text (see shared/partners.ts). */
export function PartnerBadge({ name, color, testId }: { name: string; color: string; testId?: string }) {
  return (
    <span className="partner-badge" style={{ backgroundColor: color }} data-testid={testId} title={name}>
      {name}
    </span>
  );
}

/**
 * Where a card comes from: for a joint card built from partner maps, one badge per partner map it
 * came from; otherwise the author's partner.
 */
export function OriginBadges({ card, partner }: { card: CardSnapshot; partner: Partner | undefined }) {
  const { t } = useTranslation();
  const partners = usePartners();
  if ((card.origins ?? []).length === 0)
    return partner ? <PartnerBadge name={partner.name} color={partner.color} /> : null;
  const from = cardPartnerIds(card).map((id) => partners.get(id) ?? { id, name: id, color: '#4d4d4d' });
  return (
    <span
      role="group"
      className="origin-badges"
      data-testid="card.origins"
      aria-label={t('card.originsLabel', { partners: from.map((p) => p.name).join(', ') })}
    >
      {from.map((p) => (
        <PartnerBadge key={p.id} name={p.name} color={p.color} testId="card.origin" />
      ))}
    </span>
  );
}

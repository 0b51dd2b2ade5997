/** Partner colours are chosen dark enough for white text (see shared/partners.ts). */
export function PartnerBadge({ name, color, testId }: { name: string; color: string; testId?: string }) {
  return (
    <span className="partner-badge" style={{ backgroundColor: color }} data-testid={testId}>
      {name}
    </span>
  );
}

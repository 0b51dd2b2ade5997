/** Which map an export is of: the joint map, or one partner's own map (partners-first). */
export type ExportTarget = { kind: 'joint' } | { kind: 'partner'; partnerId: string };

export const targetKey = (target: ExportTarget) => (target.kind === 'joint' ? 'joint' : `partner.${target.partnerId}`);

/** Today's date where the facilitator is, as "2026-03-12" (a bare day keeps file names and dates local). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

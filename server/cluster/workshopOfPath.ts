import { SYNC_PATH, isWorkshopId } from '../../shared/protocol.js';

const WORKSHOP_API = '/api/workshops/';

/**
 * The workshop a request belongs to, read from its path as the load balancer reads it ([Z1]): the
 * segment after `/sync/` or after `/api/workshops/`. Null for every other path (creating a workshop,
 * joining by code, static files), which any node may answer.
 */
export function workshopOfPath(pathname: string): string | null {
  const prefix = pathname.startsWith(`${SYNC_PATH}/`)
    ? `${SYNC_PATH}/`
    : pathname.startsWith(WORKSHOP_API)
      ? WORKSHOP_API
      : null;
  if (!prefix) return null;
  const rest = pathname.slice(prefix.length);
  const slash = rest.indexOf('/');
  const id = slash < 0 ? rest : rest.slice(0, slash);
  return isWorkshopId(id) ? id : null;
}

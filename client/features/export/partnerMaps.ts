import type * as Y from 'yjs';
import type { DocName } from '../../../shared/protocol.js';
import { partnerMapName } from '../../../shared/protocol.js';
import type { PartnerId } from '../../../shared/ids.js';
import { readMap, type MapSnapshot } from '../../../shared/readModel.js';

/** Opens one more workshop document (read here, never written) and closes it again. */
export type OpenDoc = (name: DocName) => { doc: Y.Doc; destroy(): void; whenSynced?: () => Promise<void> };

/** A partner map that could not be read in time (the connection is slow or gone). */
export class PartnerMapError extends Error {
  constructor(readonly partnerId: string) {
    super(`partner map ${partnerId} not loaded`);
  }
}

/** Reads one partner's own map as it is on the server now. */
export async function readPartnerMap(openDoc: OpenDoc, partnerId: string): Promise<MapSnapshot> {
  const opened = openDoc(partnerMapName(partnerId as PartnerId));
  try {
    await opened.whenSynced?.();
    return readMap(opened.doc);
  } catch {
    throw new PartnerMapError(partnerId);
  } finally {
    opened.destroy();
  }
}

/** Every partner's own map, by partner id, read side by side. */
export async function readPartnerMaps(openDoc: OpenDoc, partnerIds: readonly string[]): Promise<Record<string, MapSnapshot>> {
  const maps = await Promise.all(partnerIds.map((id) => readPartnerMap(openDoc, id)));
  return Object.fromEntries(partnerIds.map((id, i) => [id, maps[i]]));
}

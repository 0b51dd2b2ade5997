import type * as Y from 'yjs';
import type { Origin } from './origins.js';

/**
 * The schema version of a map document ([M14]): a root Y.Map `meta` with `schemaVersion`, written only
 * by the server (never accepted from a client) when it loads a map document. A later change of the
 * card layout raises MAP_SCHEMA_VERSION and adds a step to MIGRATIONS; `migrateMapDoc` runs every
 * step above the stored version, in order, in one transaction, and records the new version.
 * A document without `meta` is version 0: everything written before versions existed, which version 1
 * reads unchanged (old order keys stay valid, see docs/decisions/0010).
 */
export const META_KEY = 'meta';
export const SCHEMA_VERSION_KEY = 'schemaVersion';
export const MAP_SCHEMA_VERSION = 1;

/** Step n brings a document from version n-1 to n. */
const MIGRATIONS: Readonly<Record<number, (doc: Y.Doc) => void>> = {
  // 0 → 1: nothing to change; the version is recorded.
  1: () => {},
};

export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}

/** The stored schema version; 0 when the document has none. */
export function readSchemaVersion(doc: Y.Doc): number {
  const v = getMeta(doc).get(SCHEMA_VERSION_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Bring a map document up to MAP_SCHEMA_VERSION. Returns the version it had; writes nothing when it
 * is current. A document from a newer server (higher version) is left alone.
 */
export function migrateMapDoc(doc: Y.Doc, origin: Origin): number {
  const from = readSchemaVersion(doc);
  if (from >= MAP_SCHEMA_VERSION) return from;
  doc.transact(() => {
    for (let v = from + 1; v <= MAP_SCHEMA_VERSION; v++) MIGRATIONS[v](doc);
    getMeta(doc).set(SCHEMA_VERSION_KEY, MAP_SCHEMA_VERSION);
  }, origin);
  return from;
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMeta, MAP_SCHEMA_VERSION, migrateMapDoc, readSchemaVersion, SCHEMA_VERSION_KEY } from './mapMeta.js';
import { MIGRATION } from './origins.js';

describe('map schema version', () => {
  it('[M14] a map without a version is brought to the current one in one transaction, then left alone', () => {
    const doc = new Y.Doc();
    expect(readSchemaVersion(doc)).toBe(0);
    let transactions = 0;
    doc.on('afterTransaction', (tr) => void (tr.origin === MIGRATION && transactions++));
    expect(migrateMapDoc(doc, MIGRATION)).toBe(0);
    expect(readSchemaVersion(doc)).toBe(MAP_SCHEMA_VERSION);
    expect(transactions).toBe(1);
    expect(migrateMapDoc(doc, MIGRATION)).toBe(MAP_SCHEMA_VERSION);
    expect(transactions).toBe(1);
  });

  it('[M14] a document from a newer version is not touched; a malformed version counts as none', () => {
    const newer = new Y.Doc();
    getMeta(newer).set(SCHEMA_VERSION_KEY, MAP_SCHEMA_VERSION + 1);
    expect(migrateMapDoc(newer, MIGRATION)).toBe(MAP_SCHEMA_VERSION + 1);
    expect(readSchemaVersion(newer)).toBe(MAP_SCHEMA_VERSION + 1);
    const odd = new Y.Doc();
    getMeta(odd).set(SCHEMA_VERSION_KEY, 'one');
    expect(readSchemaVersion(odd)).toBe(0);
    migrateMapDoc(odd, MIGRATION);
    expect(readSchemaVersion(odd)).toBe(MAP_SCHEMA_VERSION);
  });
});

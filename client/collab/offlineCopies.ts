/**
 * Names of the offline copies (IndexedDB) of a workshop's documents on this device. Kept free of Yjs
 * imports: the start page uses it to clean up without loading the sync code.
 */
export function offlineCopyName(workshopId: string, docName: string): string {
  return `pkl:${workshopId}/${docName}`;
}

/** Remove every offline copy of a workshop from this device (after it was deleted). */
export async function clearOfflineCopies(workshopId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = offlineCopyName(workshopId, '');
  const dbs = await indexedDB.databases();
  await Promise.all(
    dbs
      .filter((db) => db.name?.startsWith(prefix))
      .map(
        (db) =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase(db.name!);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
  );
}

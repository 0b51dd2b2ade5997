import { beforeAll } from 'vitest';
import * as Y from 'yjs';
import type { WorkshopId } from '../../shared/ids.js';
import { loadCardEditor } from '../features/map/lazyEditor.js';
import { MapView } from '../features/map/MapView.js';
import { renderInWorkshop } from './renderInWorkshop.js';
import { testInfo } from './localWorkshop.js';

export const WORKSHOP_ID = 'w'.repeat(26) as WorkshopId;

/** The map view around a plain Y.Doc: a workshop object over in-memory documents, no server. I am Anna. */
export function renderMap(options: { doc?: Y.Doc; access?: 'participant' | 'facilitator' | 'projector' } = {}) {
  const doc = options.doc ?? new Y.Doc();
  const r = renderInWorkshop(<MapView workshopId={WORKSHOP_ID} title="Samen sterk" onRejoin={() => {}} />, {
    info: testInfo({ id: WORKSHOP_ID }),
    who: {
      participantId: 'p1',
      name: 'Anna',
      partner: 'gemeente',
      role: 'professional',
      access: options.access ?? 'participant',
    },
    docs: new Map([['map:joint', doc]]),
  });
  return { ...r, doc, env: r.mapEnv('map:joint')! };
}

/**
 * For a file whose tests render the map: load the card editor's code (Tiptap and ProseMirror, lazy in
 * the app) before its tests. The map starts that import as it mounts, so the file's first test paid
 * for it; on a busy machine the import alone took longer than a test may run (over 15 s), and the first
 * test timed out however right the map was. Here it gets a hook of its own, with room for the import.
 */
export function loadEditorBeforeTests(): void {
  beforeAll(() => loadCardEditor(), 120_000);
}

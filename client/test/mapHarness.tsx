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
 * For a file whose tests open a card editor: load the editor's code (Tiptap and ProseMirror, lazy in the
 * app) before its tests. On a busy machine that first import alone took longer than a test may run
 * (over 15 s), so the first test that opened an editor timed out however right the editor was; here it
 * gets a hook of its own, with room for the import.
 */
export function loadEditorBeforeTests(): void {
  beforeAll(() => loadCardEditor(), 120_000);
}

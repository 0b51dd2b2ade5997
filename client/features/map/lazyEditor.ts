import { lazy } from 'react';

/**
 * Tiptap and ProseMirror are most of the map's code but only needed once someone edits; the map
 * starts loading them right away in the background so the first "add card" does not wait.
 */
export const loadCardEditor = () => import('./CardEditor.js');

export const LazyCardEditor = lazy(() => loadCardEditor().then((m) => ({ default: m.CardEditor })));

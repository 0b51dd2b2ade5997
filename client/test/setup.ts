import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { initI18n, setLanguage } from '../i18n/index.js';
import { destroyTestWorkshops } from './localWorkshop.js';

// jsdom has no layout: ProseMirror asks ranges for their rectangles when it scrolls the
// selection into view. Empty rectangles are enough for component tests.
const emptyRect = () => new DOMRect(0, 0, 0, 0);
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= emptyRect;
Range.prototype.getClientRects ??= emptyRects;
document.elementFromPoint ??= () => null;

// The machine running the tests may be busy (the editor is loaded lazily): wait up to 5 s, not 1 s.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
initI18n('nl');
afterEach(async () => {
  cleanup();
  destroyTestWorkshops();
  // The fake API (client/test/fakeApi.ts) and any other stubbed global.
  vi.unstubAllGlobals();
  localStorage.clear();
  await setLanguage('nl');
});

import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, setLanguage } from '../i18n/index.js';

// jsdom has no layout: ProseMirror asks ranges for their rectangles when it scrolls the
// selection into view. Empty rectangles are enough for component tests.
const emptyRect = () => new DOMRect(0, 0, 0, 0);
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= emptyRect;
Range.prototype.getClientRects ??= emptyRects;
document.elementFromPoint ??= () => null;

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
initI18n('nl');
afterEach(() => {
  cleanup();
  localStorage.clear();
  setLanguage('nl');
});

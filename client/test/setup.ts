import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, setLanguage } from '../i18n/index.js';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
initI18n('nl');
afterEach(() => {
  cleanup();
  localStorage.clear();
  setLanguage('nl');
});

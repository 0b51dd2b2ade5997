import { afterAll } from 'vitest';
import { removeTempDirs } from './harness.js';

// Setup file of the integration and e2e projects. Hooks of a setup file are registered first and
// after-hooks run in reverse order, so this runs after the test file's own afterAll closed its servers.
afterAll(() => removeTempDirs());

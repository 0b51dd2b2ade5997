/**
 * The map feature's public entry: what the app and other features may use. Everything else in this
 * folder is internal (checked by `npm run check:boundaries`).
 */
export { MapPage } from './MapPage.js';
export { MapView } from './MapView.js';

/** The start page: make a workshop (or import one, or try the demo). */
export { StartPage } from './StartPage.js';

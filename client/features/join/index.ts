/** Joining a workshop: by link, or by the six-letter code. */
export { JoinCodePage } from './JoinCodePage.js';
export { JoinPage } from './JoinPage.js';

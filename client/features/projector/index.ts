/** The projector's page (read-only big screen). */
export { ProjectorPage } from './ProjectorPage.js';

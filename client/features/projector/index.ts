/** The projector's page (read-only big screen). */
export { ProjectorPage, ProjectorScreen } from './ProjectorPage.js';

/** The facilitator's pages: the entry that trades the link for an identity, and the console. */
export { ConsolePage } from './ConsolePage.js';
export { FacilitatorEntry } from './FacilitatorEntry.js';

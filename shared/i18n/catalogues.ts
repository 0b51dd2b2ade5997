import enAuthorship from './en.authorship.json';
import enCompare from './en.compare.json';
import enConsole from './en.console.json';
import enLinks from './en.links.json';
import en from './en.json';
import enMethod from './en.method.json';
import enSession from './en.session.json';
import enVotes from './en.votes.json';
import enTrajectory from './en.trajectory.json';
import enScoreLine from './en.scoreLine.json';
import type { Lang } from './languages.js';
import nlAuthorship from './nl.authorship.json';
import nlCompare from './nl.compare.json';
import nlConsole from './nl.console.json';
import nlLinks from './nl.links.json';
import nl from './nl.json';
import nlMethod from './nl.method.json';
import nlSession from './nl.session.json';
import nlVotes from './nl.votes.json';
import nlTrajectory from './nl.trajectory.json';
import nlScoreLine from './nl.scoreLine.json';

/**
 * Every text of the product, one catalogue per language, used by the client (through i18next), the
 * server and the exports alike. A catalogue is kept in several files so that work on one part does
 * not touch another's strings; each file holds its own top-level keys, no key is in two files:
 * - `*.json`: app, start, join, map
 * - `*.session.json`: guided session on the map, card dialogue
 * - `*.console.json`: facilitator console, projector, join code, versions
 * - `*.compare.json`: partners first (flow choice, comparing maps, the partner maps tab)
 * - `*.method.json`: the Partnerschapskaart itself: columns, questions, prompts, the five dialogue
 *   rules, the facilitator's questions, card statuses
 * - `*.authorship.json`: who a card is by, removal proposals, the text limit, people without a device
 * - `*.links.json`: "Hoort bij…" links between cards, mandate and sign-off per partner (issue 14)
 * - `*.votes.json`: vote rounds and check-in/out (private inputs, ADR 0025)
 * - `*.trajectory.json`: the series of meetings, follow-up of actions, the review "terugblik", Mijn acties
 * - `*.export.json`: what the A3 PDF and the convenant documents print, registered apart in
 *   `exportCatalogues.ts` so that the participant page does not load them.
 * - `*.scoreLine.json`: the check-in and check-out scores as a line over the meetings ([Y7])
 */
export const CATALOGUE_FILES = {
  nl: [nl, nlSession, nlConsole, nlCompare, nlMethod, nlAuthorship, nlLinks, nlVotes, nlTrajectory, nlScoreLine],
  en: [en, enSession, enConsole, enCompare, enMethod, enAuthorship, enLinks, enVotes, enTrajectory, enScoreLine],
} as const satisfies Record<Lang, readonly object[]>;

/** The shape of a catalogue, taken from the Dutch one: every other language must have the same keys. */
export type Catalogue = typeof nl &
  typeof nlSession &
  typeof nlConsole &
  typeof nlCompare &
  typeof nlMethod &
  typeof nlAuthorship &
  typeof nlLinks &
  typeof nlVotes &
  typeof nlTrajectory &
  typeof nlScoreLine;

function merge(files: readonly object[]): Catalogue {
  return Object.assign({}, ...files) as Catalogue;
}

// Typed as Catalogue, so a key missing from the English files is a type error as well as a test failure.
const english: Catalogue = {
  ...en,
  ...enSession,
  ...enConsole,
  ...enCompare,
  ...enMethod,
  ...enAuthorship,
  ...enLinks,
  ...enVotes,
  ...enTrajectory,
  ...enScoreLine,
};

/** What the screens, the server and the domain tables read (everything but the export texts). */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  nl: merge(CATALOGUE_FILES.nl),
  en: english,
};

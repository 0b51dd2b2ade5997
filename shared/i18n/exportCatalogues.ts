import enExport from './en.export.json';
import type { Lang } from './languages.js';
import nlExport from './nl.export.json';
import enVotesExport from './en.votesExport.json';
import nlVotesExport from './nl.votesExport.json';
import enScoreLineExport from './en.scoreLineExport.json';
import nlScoreLineExport from './nl.scoreLineExport.json';

/**
 * The export texts of every language (`*.export.json`; `*.votesExport.json`: check-in/out, [Y4]; `*.scoreLineExport.json`: their line over the meetings, [Y8]): what the A3 PDF and the convenant documents
 * print, read by `shared/export/texts.ts`. Part of the same catalogues (the catalogue test checks them
 * with the rest), but registered here, apart from `catalogues.ts`, so that the participant page's first
 * JavaScript does not carry them; only the export code imports this file.
 */
export type ExportCatalogue = typeof nlExport & typeof nlVotesExport & typeof nlScoreLineExport;

// Typed as ExportCatalogue, so a key missing from the English file is a type error.
export const EXPORT_CATALOGUES: Readonly<Record<Lang, ExportCatalogue>> = {
  nl: { ...nlExport, ...nlVotesExport, ...nlScoreLineExport },
  en: { ...enExport, ...enVotesExport, ...enScoreLineExport } satisfies ExportCatalogue,
};

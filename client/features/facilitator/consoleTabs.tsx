import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Flow } from '../../../shared/permissions.js';
import { AgreementPanel } from './AgreementPanel.js';
import { ExportTab } from './ExportTab.js';
import { AuthorshipPanel } from './AuthorshipPanel.js';
import { DialoguePanel } from './DialoguePanel.js';
import { FocusPanel } from './FocusPanel.js';
import { LinksSignoffPanel } from './LinksSignoffPanel.js';
import { ParticipationPanel } from './ParticipationPanel.js';
import { PartnersPanel } from './PartnersPanel.js';
import { PeoplePanel } from './PeoplePanel.js';
import { PlanPanel } from './PlanPanel.js';
import { VersionsPanel } from './VersionsPanel.js';
import { RoundsPanel } from '../votes/index.js';
import { TrajectoryPanel } from '../trajectory/index.js';

/** One tab of the console's panel. */
export interface ConsoleTab {
  /** Also the test id: `console.tab.<id>`. */
  id: string;
  label: (t: TFunction) => string;
  /** `visible` is true while the tab is selected (every panel stays mounted). */
  render: (props: { visible: boolean }) => ReactNode;
  /** Show the tab only for workshops of this flow (default: always). */
  flow?: Flow;
}

/**
 * The console's tabs, in order. To add one: import its panel and add one line here (with its label
 * from any catalogue); the tab list, keyboard handling and panels follow from this array.
 */
export const CONSOLE_TABS: readonly ConsoleTab[] = [
  { id: 'steps', label: (t) => t('console.tabs.steps'), render: () => <PlanPanel /> },
  { id: 'dialogue', label: (t) => t('console.tabs.dialogue'), render: () => <DialoguePanel /> },
  { id: 'agreement', label: (t) => t('console.tabs.agreement'), render: () => <AgreementPanel /> },
  { id: 'participation', label: (t) => t('console.tabs.participation'), render: () => <ParticipationPanel /> },
  { id: 'people', label: (t) => t('console.tabs.people'), render: () => <PeoplePanel /> },
  { id: 'screen', label: (t) => t('console.tabs.screen'), render: () => <FocusPanel /> },
  {
    id: 'authorship',
    label: (t) => t('authorship.tab'),
    render: ({ visible }) => <AuthorshipPanel visible={visible} />,
  },
  {
    id: 'versions',
    label: (t) => t('console.tabs.versions'),
    render: ({ visible }) => <VersionsPanel visible={visible} />,
  },
  { id: 'links', label: (t) => t('links.tab'), render: () => <LinksSignoffPanel /> },
  { id: 'rounds', label: (t) => t('votes.console.tab'), render: () => <RoundsPanel /> },
  { id: 'trajectory', label: (t) => t('trajectory.tab'), render: () => <TrajectoryPanel /> },
  { id: 'export', label: (t) => t('console.tabs.export'), render: () => <ExportTab /> },
  { id: 'partners', label: (t) => t('partnersPanel.tab'), render: () => <PartnersPanel />, flow: 'partners-first' },
];

export function tabsFor(flow: Flow): readonly ConsoleTab[] {
  return CONSOLE_TABS.filter((tab) => !tab.flow || tab.flow === flow);
}

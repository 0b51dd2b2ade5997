import { useMemo } from 'react';
import { useLang } from '../../i18n/index.js';
import { ExportPanel } from '../export/ExportPanel.js';
import type { ExportSource } from '../export/makeExport.js';
import { useConsoleEnv } from './consoleEnv.js';
import { DeleteWorkshop } from './DeleteWorkshop.js';

/** The console's "Exporteren" tab: files of the maps (made by the server), the backup, and deleting the workshop. */
export function ExportTab() {
  const { info, identity, clock } = useConsoleEnv();
  const lang = useLang();
  const source = useMemo<ExportSource>(() => ({ info, token: identity.token, lang, now: () => clock.now() }), [info, identity.token, lang, clock]);
  return (
    <div className="console-section-stack">
      <ExportPanel source={source} />
      <DeleteWorkshop />
    </div>
  );
}

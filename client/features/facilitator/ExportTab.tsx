import { useMemo } from 'react';
import { useLang } from '../../i18n/index.js';
import { ExportPanel, type ExportSource } from '../export/index.js';
import { useConsoleEnv } from './consoleEnv.js';
import { DeleteWorkshop } from './DeleteWorkshop.js';

/** The console's "Exporteren" tab: files of the maps (made by the server), the backup, and deleting the workshop. */
export function ExportTab() {
  const { info, token, clock } = useConsoleEnv();
  const lang = useLang();
  const source = useMemo<ExportSource>(
    () => ({ info, token, lang, now: () => clock.now() }),
    [info, token, lang, clock],
  );
  return (
    <div className="console-section-stack">
      <ExportPanel source={source} />
      <DeleteWorkshop />
    </div>
  );
}

import { useMemo } from 'react';
import { useMapEnv } from '../../collab/hooks.js';
import { useLang } from '../../i18n/index.js';
import { ExportPanel } from '../export/ExportPanel.js';
import type { ExportSource } from '../export/makeExport.js';
import { useConsoleEnv } from './consoleEnv.js';
import { DeleteWorkshop } from './DeleteWorkshop.js';

/** The console's "Exporteren" tab: files of the maps, the backup, and deleting the workshop. */
export function ExportTab() {
  const { info, identity, openDoc, clock } = useConsoleEnv();
  const { readModel } = useMapEnv();
  const lang = useLang();
  const source = useMemo<ExportSource>(
    () => ({ info, token: identity.token, lang, jointMap: () => readModel.getSnapshot(), openDoc, now: () => clock.now() }),
    [info, identity.token, lang, readModel, openDoc, clock],
  );
  return (
    <div className="console-section-stack">
      <ExportPanel source={source} />
      <DeleteWorkshop />
    </div>
  );
}

import { useMemo } from 'react';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { useDoc } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { ExportPanel, type ExportSource } from '../export/index.js';
import { useConsoleEnv } from './consoleEnv.js';
import { DeleteWorkshop } from './DeleteWorkshop.js';

/** The console's "Exporteren" tab: files of the maps, the backup, and deleting the workshop. */
export function ExportTab() {
  const { info, token, openDoc, clock } = useConsoleEnv();
  const readModel = useDoc(JOINT_MAP)!.map!.readModel;
  const lang = useLang();
  const source = useMemo<ExportSource>(
    () => ({ info, token: token, lang, jointMap: () => readModel.getSnapshot(), openDoc, now: () => clock.now() }),
    [info, token, lang, readModel, openDoc, clock],
  );
  return (
    <div className="console-section-stack">
      <ExportPanel source={source} />
      <DeleteWorkshop />
    </div>
  );
}

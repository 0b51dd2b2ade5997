import { useCallback, useRef, useState } from 'react';
import type { WorkshopInfo } from '../../../shared/api.js';
import { ExportError, type ExportKind } from './makeExport.js';
import { PartnerMapError } from './partnerMaps.js';

export type ExportJob =
  | { status: 'idle' }
  | { status: 'running'; kind: ExportKind; progress: number }
  | { status: 'done'; kind: ExportKind; fileName: string }
  | { status: 'failed'; kind: ExportKind; error: ExportError };

function asExportError(error: unknown, info: WorkshopInfo): ExportError {
  if (error instanceof ExportError) return error;
  if (error instanceof PartnerMapError) {
    const partner = info.partners.find((p) => p.id === error.partnerId)?.name ?? error.partnerId;
    return new ExportError('partnerMap', { partner });
  }
  return new ExportError('failed');
}

/** One export at a time, with its progress and a plain result (the file name, or what went wrong). */
export function useExportJob(info: WorkshopInfo) {
  const [job, setJob] = useState<ExportJob>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(
    async (kind: ExportKind, work: (progress: (fraction: number) => void) => Promise<string>) => {
      if (running.current) return;
      running.current = true;
      setJob({ status: 'running', kind, progress: 0 });
      const progress = (fraction: number) =>
        setJob((j) => (j.status === 'running' ? { ...j, progress: Math.max(j.progress, Math.min(1, fraction)) } : j));
      try {
        const fileName = await work(progress);
        setJob({ status: 'done', kind, fileName });
      } catch (error) {
        if (!(error instanceof ExportError) && !(error instanceof PartnerMapError)) console.error('export failed', error);
        setJob({ status: 'failed', kind, error: asExportError(error, info) });
      } finally {
        running.current = false;
      }
    },
    [info],
  );
  return { job, run };
}

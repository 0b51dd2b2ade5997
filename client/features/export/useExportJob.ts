import { useCallback, useRef, useState } from 'react';
import { ExportError, type ExportKind } from './makeExport.js';

export type ExportJob =
  | { status: 'idle' }
  | { status: 'running'; kind: ExportKind; progress: number }
  | { status: 'done'; kind: ExportKind; fileName: string }
  | { status: 'failed'; kind: ExportKind; error: ExportError };

/** One export at a time, with its progress and a plain result (the file name, or what went wrong). */
export function useExportJob() {
  const [job, setJob] = useState<ExportJob>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(async (kind: ExportKind, work: (progress: (fraction: number) => void) => Promise<string>) => {
    if (running.current) return;
    running.current = true;
    setJob({ status: 'running', kind, progress: 0 });
    const progress = (fraction: number) =>
      setJob((j) => (j.status === 'running' ? { ...j, progress: Math.max(j.progress, Math.min(1, fraction)) } : j));
    try {
      const fileName = await work(progress);
      setJob({ status: 'done', kind, fileName });
    } catch (error) {
      if (!(error instanceof ExportError)) console.error('export failed', error);
      setJob({ status: 'failed', kind, error: error instanceof ExportError ? error : new ExportError('failed') });
    } finally {
      running.current = false;
    }
  }, []);
  return { job, run };
}

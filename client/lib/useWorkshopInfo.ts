import { useCallback, useEffect, useState } from 'react';
import type { WorkshopInfo } from '../../shared/api.js';
import type { WorkshopId } from '../../shared/ids.js';
import { api } from './api.js';

export type WorkshopInfoState =
  | { status: 'loading' }
  | { status: 'ok'; info: WorkshopInfo }
  | { status: 'notFound' }
  | { status: 'error' };

export function useWorkshopInfo(id: WorkshopId): WorkshopInfoState & { retry: () => void } {
  const [state, setState] = useState<WorkshopInfoState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    void api.getWorkshop(id).then((result) => {
      if (!live) return;
      if (result.kind === 'ok') setState({ status: 'ok', info: result.value });
      else if (result.kind === 'notFound') setState({ status: 'notFound' });
      else setState({ status: 'error' });
    });
    return () => {
      live = false;
    };
  }, [id, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

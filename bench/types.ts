/** Messages between the bench (parent) and its load-generator worker processes. */

export interface ClientSpec {
  /** Query parameters of the websocket URL (our server: the participant token). */
  params: Record<string, string>;
  name: string;
  author: string;
  partner: string;
}

export interface RoomSpec {
  /** Provider server URL, e.g. ws://127.0.0.1:1234/sync (ours) or ws://127.0.0.1:1234 (reference). */
  serverUrl: string;
  /** Provider room name, `<workshopId>/map:joint`. */
  room: string;
  clients: ClientSpec[];
  /** The client side: the upstream y-websocket provider, or Hocuspocus' own provider for its server. */
  provider: 'y-websocket' | 'hocuspocus';
}

export interface RunParams {
  /** Wall-clock time (Date.now()) at which every worker starts writing. */
  startAt: number;
  warmupMs: number;
  measureMs: number;
  /** Writes per second per client. */
  rate: number;
  /** Characters inserted per write. */
  chars: number;
  /** Convergence deadline that counts (1.5 s); we keep watching up to `watchMs` to report the real time. */
  convergeDeadlineMs: number;
  watchMs: number;
}

export type ToWorker = { type: 'setup'; rooms: RoomSpec[] } | { type: 'run'; params: RunParams } | { type: 'close' };

export interface RoomResult {
  room: string;
  /** ms from the end of writing until every client of the room had an identical state; null = not within watchMs. */
  convergedMs: number | null;
}

export interface RunResult {
  /** Latency samples (ms) of writes made in the measure window, one per (write, other client). */
  samples: Float64Array;
  /** Writes made in the measure window. */
  writes: number;
  /** Deliveries (a write observed by another client) that happened inside the measure window. */
  deliveriesInWindow: number;
  /** Deliveries of measured writes that never arrived before the watch ended. */
  missing: number;
  rooms: RoomResult[];
  /** CPU of this worker during the measure window, % of one core. */
  cpuPct: number;
  /** Event-loop delay of this worker during the measure window (p99, ms). */
  loopDelayP99Ms: number;
  /** Websocket closes seen by clients during the run (a dropped connection). */
  closes: number;
  closeCodes: number[];
}

export type FromWorker =
  | { type: 'ready'; clients: number; setupMs: number }
  | { type: 'result'; result: RunResult }
  | { type: 'error'; message: string };

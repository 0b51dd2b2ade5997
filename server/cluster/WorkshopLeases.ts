import pg from 'pg';

/**
 * Advisory locks of this kind: the first key of the two-key form, so they never meet another lock of
 * the database (the second key is hashtext(workshop id)). "PKL" in ASCII.
 */
const LEASE_SPACE = 0x504b4c;
/** Nodes ask a lease's holder to hand it over on this channel (LISTEN/NOTIFY), payload the workshop id. */
const HANDOVER_CHANNEL = 'pkl_lease_wanted';

export interface LeaseHooks {
  /** Whether rooms of this workshop are loaded here: a lease in use is never released. */
  inUse(workshopId: string): boolean;
  /** Everything this node accepted is durable (commits and compactions written). */
  flush(): Promise<void>;
  /** Another node wants the workshop: close its connections and unload its rooms, writes included ([Z3]). */
  handOver(workshopId: string): Promise<void>;
  /** The lease connection is gone, so every lease may already be another node's: stop serving them now. */
  lost(workshopIds: string[]): void;
  log(message: string, error?: unknown): void;
}

export interface LeaseOptions {
  databaseUrl: string;
  /** This process's name in the audit log (unique per start: a restarted node is a new holder). */
  node: string;
  /** Record every take and release in the table pkl_lease_log (tests and the local cluster, [Z4]). */
  audit: boolean;
}

/**
 * Which workshops this node may serve ([Z2]): a lease per workshop is a Postgres advisory lock held by
 * one dedicated connection. Postgres frees the locks of a connection that dies, so a node killed with
 * SIGKILL gives up its workshops the moment its socket closes; no timeout, no clock
 * (docs/decisions/0031-cluster-behind-haproxy.md). Takes and releases of one workshop run one after
 * the other; the connection runs its queries in order.
 */
export class WorkshopLeases {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();
  /** Requests and upgrades between taking the lease and loading (or not) a room. */
  private readonly users = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  private constructor(
    private readonly opts: LeaseOptions,
    private readonly hooks: LeaseHooks,
  ) {}

  static async open(opts: LeaseOptions, hooks: LeaseHooks): Promise<WorkshopLeases> {
    const leases = new WorkshopLeases(opts, hooks);
    const client = await leases.connection();
    if (opts.audit) {
      // Several nodes start at once: one creates the table, under a lock of its own.
      await client.query('SELECT pg_advisory_lock($1, 0)', [LEASE_SPACE + 1]);
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS pkl_lease_log (
          seq bigserial PRIMARY KEY, workshop_id text NOT NULL, node text NOT NULL, event text NOT NULL,
          at timestamptz NOT NULL DEFAULT clock_timestamp())`);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, 0)', [LEASE_SPACE + 1]);
      }
    }
    return leases;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.opts.databaseUrl,
        application_name: `pkl-lease ${this.opts.node}`,
        // A silent network drop is noticed by TCP keepalive, not only at the next query.
        keepAlive: true,
      });
      client.on('error', (error) => this.onLost(client, error));
      client.on('end', () => this.onLost(client, null));
      client.on('notification', (msg) => {
        if (msg.channel === HANDOVER_CHANNEL && msg.payload) this.onWanted(msg.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${HANDOVER_CHANNEL}`);
      } catch (error) {
        client.end().catch(() => {});
        throw error;
      } finally {
        this.connecting = null;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  /** Run the lease work of one workshop after the work queued before it (never two at once). */
  private serial<T>(workshopId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => {});
    this.queues.set(workshopId, tail);
    void tail.then(() => {
      if (this.queues.get(workshopId) === tail) this.queues.delete(workshopId);
    });
    return next;
  }

  holds(workshopId: string): boolean {
    return this.held.has(workshopId);
  }

  /** The workshops whose lease this node holds. */
  get heldCount(): number {
    return this.held.size;
  }

  /**
   * Take the workshop's lease, or find it held here. On true the caller is counted as a user and must
   * call done() when its room is loaded (or it gave up). On false another node holds it; that node is
   * asked to hand it over ([Z3]).
   */
  acquire(workshopId: string): Promise<boolean> {
    return this.serial(workshopId, async () => {
      if (this.closed) return false;
      if (!this.held.has(workshopId)) {
        const client = await this.connection();
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
          LEASE_SPACE,
          workshopId,
        ]);
        if (!rows[0]?.ok) {
          await client.query('SELECT pg_notify($1, $2)', [HANDOVER_CHANNEL, workshopId]);
          return false;
        }
        this.held.add(workshopId);
        // Written while the lock is held, on the lock's connection: the log's order is the lock's order.
        if (this.opts.audit) await this.audit(client, workshopId, 'take');
      }
      this.users.set(workshopId, (this.users.get(workshopId) ?? 0) + 1);
      return true;
    });
  }

  /**
   * acquire(), tried again until `withinMs` has passed: a holder asked to hand over needs a moment to
   * store and unload the workshop ([Z3]), and a request that waits for it spares its client a retry.
   */
  async acquireWithin(workshopId: string, withinMs: number): Promise<boolean> {
    const until = Date.now() + withinMs;
    for (;;) {
      if (await this.acquire(workshopId)) return true;
      if (this.closed || Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** A user counted by acquire() is finished; the lease goes when nothing of the workshop is loaded. */
  done(workshopId: string): void {
    const left = (this.users.get(workshopId) ?? 1) - 1;
    if (left <= 0) this.users.delete(workshopId);
    else this.users.set(workshopId, left);
    this.releaseIfUnused(workshopId);
  }

  /** Release the lease when no room of the workshop is loaded and nobody is about to load one. */
  releaseIfUnused(workshopId: string): void {
    if (this.closed || !this.held.has(workshopId)) return;
    const unused = () => this.held.has(workshopId) && !this.users.has(workshopId) && !this.hooks.inUse(workshopId);
    if (!unused()) return;
    void this.serial(workshopId, async () => {
      if (!unused()) return;
      // Every write this node accepted must be durable before another node may load the rooms.
      await this.hooks.flush();
      if (!unused() || !this.client) return;
      const client = this.client;
      this.held.delete(workshopId);
      if (this.opts.audit) await this.audit(client, workshopId, 'release');
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEASE_SPACE, workshopId]);
    }).catch((error) => this.hooks.log(`releasing the lease of ${workshopId} failed`, error));
  }

  private onWanted(workshopId: string): void {
    if (!this.held.has(workshopId)) return;
    void this.serial(workshopId, async () => {
      if (!this.held.has(workshopId)) return;
      await this.hooks.handOver(workshopId);
    })
      .catch((error) => this.hooks.log(`handing over ${workshopId} failed`, error))
      .then(() => this.releaseIfUnused(workshopId));
  }

  private onLost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    const lost = [...this.held];
    this.held.clear();
    if (this.closed) return;
    this.hooks.log(`lease connection lost; stopped serving ${lost.length} workshop(s)`, error ?? undefined);
    this.hooks.lost(lost);
  }

  private async audit(client: pg.Client, workshopId: string, event: 'take' | 'release'): Promise<void> {
    await client.query('INSERT INTO pkl_lease_log (workshop_id, node, event) VALUES ($1, $2, $3)', [
      workshopId,
      this.opts.node,
      event,
    ]);
  }

  /** Shutdown begins: take nothing more, release nothing one by one (close() releases all at once). */
  stop(): void {
    this.closed = true;
  }

  /** Shutdown, after every room was unloaded and written: release all (closing the connection does). */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    if (!client) return;
    if (this.opts.audit) {
      for (const id of this.held) await this.audit(client, id, 'release').catch(() => {});
    }
    this.held.clear();
    this.client = null;
    await client.end();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer, type ChildServer } from '../../server/test/childServer.js';
import { tempDataDir } from '../../server/test/harness.js';

const built = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'client', 'index.html');

/** The real server as `npm start` runs it, on a free port, with its own SQLite file; restartable. */
export class E2EServer {
  private server: ChildServer | null = null;
  readonly dataDir = tempDataDir();
  port = 0;

  /** `env`: extra configuration for the server, e.g. `{ PKL_DEMO_FIXTURE: '' }` for the built-in demo. */
  constructor(private readonly env: Record<string, string> = {}) {}

  async start(): Promise<this> {
    if (!fs.existsSync(built)) throw new Error('The client is not built: run `npm run test:e2e` (it builds first).');
    // A restart reuses the port so open pages reconnect to the same address.
    this.server = await startChildServer(this.dataDir, {
      ...this.env,
      ...(this.port ? { PORT: String(this.port) } : {}),
    });
    this.port = this.server.port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.server?.kill(signal);
    this.server = null;
  }

  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }
}

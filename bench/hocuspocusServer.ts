/**
 * The second comparison of the bench: Hocuspocus (`@hocuspocus/server`) with its SQLite extension
 * (`@hocuspocus/extension-sqlite`), every setting as shipped (debounce 2 s, max debounce 10 s: a
 * document is stored at most every 2–10 s, not before each broadcast as ours does), except that the
 * database is a file in `HOCUS_DB` (the extension's default is `:memory:`, which would not persist)
 * and the start screen is off. Runs in its own process so it is measured like ours. Prints
 * `HOCUS_LISTENING <port>` once it listens.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.env.HOCUS_DB;
if (!database) throw new Error('HOCUS_DB (the SQLite file) is required');

const server = new Server({
  address: '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  quiet: true,
  stopOnSignals: false,
  extensions: [new SQLite({ database })],
});

await server.listen();
console.log(`HOCUS_LISTENING ${server.address.port}`);

const stop = () => {
  // Its own shutdown stores every loaded document first; the bench only needs the process gone.
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A bench parent that dies without cleaning up closes our stdin pipe: leave with it.
process.stdin.on('end', stop);
process.stdin.resume();

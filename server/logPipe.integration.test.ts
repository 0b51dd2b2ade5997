import fs from 'node:fs';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { roomName } from '../shared/protocol.js';
import { startChildServer, type ChildServer } from './test/childServer.js';
import { createWorkshop, tempDataDir, waitFor } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';

let server: ChildServer | null = null;
afterEach(async () => {
  await server?.kill();
  server = null;
});

/** CPU seconds (user + system) the process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

describe('a server whose log reader went away', () => {
  it('[P9] keeps serving and stays idle when stdout and stderr are closed and it has something to log', async () => {
    server = await startChildServer(tempDataDir());
    const w = await createWorkshop(server.url);
    const token = await w.participant('A');
    // The reading end of both pipes goes away (a supervisor or test runner that died).
    server.child.stdout!.destroy();
    server.child.stderr!.destroy();
    // A malformed websocket frame (reserved opcode 3) makes the server log a websocket error.
    const raw = await rawSocket(server.port, roomName(w.id as never, 'map:joint'), token);
    (raw.ws as unknown as { _socket: Socket })._socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0]));
    await raw.closed;
    const pid = server.child.pid!;
    const before = cpuSeconds(pid);
    const start = Date.now();
    await waitFor(() => Date.now() - start >= 2000, 'two seconds pass');
    // Before the fix every log line became an uncaught EPIPE that was logged again: a core at 100 %.
    expect(cpuSeconds(pid) - before).toBeLessThan(1);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });
});

/**
 * The reference server for the bench: the upstream y-websocket server logic (`@y/websocket-server`
 * 0.1.1, `setupWSConnection`) around a plain http + ws server, documents in memory, no persistence,
 * no authentication, no enforcement. Runs in its own process so it is measured like ours
 * (/proc/<pid>/stat, /proc/<pid>/status). Prints `REF_LISTENING <port>` once it listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('reference y-websocket server (bench)\n');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`REF_LISTENING ${(server.address() as AddressInfo).port}`);
});

const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A bench parent that dies without cleaning up closes our stdin pipe: leave with it.
process.stdin.on('end', stop);
process.stdin.resume();

import { startCluster } from './localCluster.js';

/**
 * `npm run cluster [-- N]`: a throwaway Postgres, HAProxy (deploy/haproxy.cfg) and N nodes (default 3)
 * on this machine, as in production (docs/decisions/0031, deploy/README.md). Ctrl-C stops everything
 * and removes the data.
 */
const n = Number(process.argv[2] ?? process.env.PKL_CLUSTER_NODES ?? 3);
if (!Number.isInteger(n) || n < 1 || n > 16) {
  console.error('usage: npm run cluster -- <nodes 1..16>');
  process.exit(2);
}
const cluster = await startCluster({ nodes: n, env: { PKL_DEMO_FIXTURE: '' } });
console.log(`[cluster] Postgres: ${cluster.postgres.url}`);
for (const node of cluster.nodes) console.log(`[cluster] ${node.name}: http://127.0.0.1:${node.port}`);
console.log(`[cluster] open ${cluster.haproxy.url} (HAProxy in front of ${n} nodes); Ctrl-C stops`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

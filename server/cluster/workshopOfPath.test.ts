import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localHaproxyConfig } from '../../scripts/localCluster.js';
import { workshopOfPath } from './workshopOfPath.js';

const id = 'abcdefghijklmnopqrstuvwxyz';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('workshopOfPath', () => {
  it('[Z1] reads the workshop id where HAProxy reads it: after /sync/ and after /api/workshops/', () => {
    expect(workshopOfPath(`/sync/${id}/map:joint`)).toBe(id);
    expect(workshopOfPath(`/sync/${id}/session`)).toBe(id);
    expect(workshopOfPath(`/api/workshops/${id}`)).toBe(id);
    expect(workshopOfPath(`/api/workshops/${id}/participants/p1`)).toBe(id);
    expect(workshopOfPath(`/api/workshops/${id}/versions/3/restore`)).toBe(id);
  });

  it('[Z1] leaves every other path to any node, and no made-up id takes a lease', () => {
    for (const p of [
      '/',
      '/api/workshops',
      '/api/join/ABC123',
      '/api/health',
      '/w/x',
      `/sync/${id.toUpperCase()}/map:joint`,
      '/sync/short/map:joint',
    ])
      expect(workshopOfPath(p), p).toBeNull();
  });

  it('[Z1][Z5] the HAProxy config routes on those same path segments, and the local cluster uses the shipped file', () => {
    const shipped = fs.readFileSync(path.join(root, 'deploy', 'haproxy.cfg'), 'utf8');
    // field(3,/) of /sync/<id>/… and field(4,/) of /api/workshops/<id>/… are the id.
    expect(shipped).toMatch(/set-var\(txn\.workshop\) path,field\(3,\/\) if \{ path_beg \/sync\/ \}/);
    expect(shipped).toMatch(/set-var\(txn\.workshop\) path,field\(4,\/\) if \{ path_beg \/api\/workshops\/ \}/);
    expect(shipped).toMatch(/balance hash var\(txn\.workshop\)\n\s+hash-type consistent/);
    expect(`/sync/${id}/map:joint`.split('/')[2]).toBe(id);
    expect(`/api/workshops/${id}/me`.split('/')[3]).toBe(id);
    const local = localHaproxyConfig(8000, [8001, 8002], '/tmp/x.sock');
    expect(local).not.toContain('# deploy only');
    expect(local).toContain('bind 127.0.0.1:8000');
    expect(local).toContain('server node2 127.0.0.1:8002');
    expect(local).toContain('balance hash var(txn.workshop)');
  });
});

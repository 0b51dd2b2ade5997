import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

const id = 'abcdefghij0123456789abcdef';

describe('routes', () => {
  it.each([
    ['/', { name: 'start' }],
    ['/join', { name: 'joinCode', code: '' }],
    ['/join/', { name: 'joinCode', code: '' }],
    ['/c/ABC234', { name: 'joinCode', code: 'ABC234' }],
    ['/c/abc%20234', { name: 'joinCode', code: 'abc 234' }],
    [`/w/${id}`, { name: 'join', workshopId: id }],
    [`/w/${id}/`, { name: 'join', workshopId: id }],
    [`/w/${id}/map`, { name: 'map', workshopId: id }],
    [`/w/${id}/facilitator`, { name: 'facilitator', workshopId: id }],
    [`/w/${id}/console`, { name: 'console', workshopId: id }],
    [`/w/${id}/projector`, { name: 'projector', workshopId: id }],
    ['/w/not-an-id', { name: 'badWorkshop' }],
    ['/w/ABCDEFGHIJ0123456789ABCDEF/map', { name: 'badWorkshop' }],
    [`/w/${id}/elsewhere`, { name: 'unknown' }],
    ['/c/', { name: 'unknown' }],
    ['/about', { name: 'unknown' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});

import { describe, expect, it } from 'vitest';
import { newParticipantId, newWorkshopId, type PartnerId, type WorkshopId } from './ids.js';
import { formatDocName, JOINT_MAP, parseDocName, partnerMapName, type DocNameString } from './docName.js';
import { CloseCode, isRetryableClose, isWorkshopId, parseRoomName, roomName } from './protocol.js';

const workshop = newWorkshopId();

describe('room names', () => {
  it('round-trip through roomName and parseRoomName for every kind of document', () => {
    const docs: DocNameString[] = [
      'workshop',
      'session',
      JOINT_MAP,
      partnerMapName('gemeente-zwolle' as PartnerId),
      partnerMapName('a' as PartnerId),
      `drafts:${newParticipantId()}`,
    ];
    for (const doc of docs) {
      const parsed = parseRoomName(roomName(workshop, doc));
      expect(parsed).toEqual({ workshop, doc: parseDocName(doc) });
      expect(formatDocName(parsed!.doc)).toBe(doc);
    }
  });

  it('accept workshop ids of 20 to 40 lower-case base-36 characters only', () => {
    expect(isWorkshopId(workshop)).toBe(true);
    expect(isWorkshopId('a'.repeat(20))).toBe(true);
    expect(isWorkshopId('a'.repeat(40))).toBe(true);
    expect(isWorkshopId('a'.repeat(19))).toBe(false);
    expect(isWorkshopId('a'.repeat(41))).toBe(false);
    expect(isWorkshopId(workshop.toUpperCase())).toBe(false);
    expect(isWorkshopId(`${'a'.repeat(25)}-`)).toBe(false);
  });

  it('reject malformed rooms', () => {
    const w = workshop as string;
    const bad = [
      '',
      w,
      `${w}/`,
      `/${w}/workshop`,
      `${w}/Workshop`,
      `${w}/sessions`,
      `${w}/map:`,
      `${w}/map:Joint`,
      `${w}/map:a_b`,
      `${w}/map:${'a'.repeat(41)}`,
      `${w}/drafts:`,
      `${w}/drafts:a-b`,
      `${w}/map:joint/extra`,
      `${w}/../workshop`,
      `${w}/workshop\n`,
      `${w}/ workshop`,
      `short/workshop`,
      `${w.toUpperCase()}/workshop`,
    ];
    for (const room of bad) expect(parseRoomName(room), JSON.stringify(room)).toBeNull();
    expect(parseRoomName(`${'a'.repeat(20)}/map:${'a'.repeat(40)}`)).toEqual({
      workshop: 'a'.repeat(20) as WorkshopId,
      doc: { kind: 'map', map: 'a'.repeat(40) },
    });
  });
});

describe('close codes', () => {
  it('say not to retry on auth, permission, missing, malformed and too-large', () => {
    for (const code of [
      CloseCode.UNAUTHORIZED,
      CloseCode.FORBIDDEN,
      CloseCode.NOT_FOUND,
      CloseCode.MALFORMED,
      CloseCode.TOO_LARGE,
    ]) {
      expect(isRetryableClose(code), String(code)).toBe(false);
    }
  });

  it('say to retry on rate limiting, shutdown, server errors and plain network drops', () => {
    for (const code of [CloseCode.SLOW_DOWN, CloseCode.GOING_AWAY, CloseCode.SERVER_ERROR, 1000, 1006, 1011]) {
      expect(isRetryableClose(code), String(code)).toBe(true);
    }
  });

  it('[Z3] say to retry when another server of a cluster holds the workshop, also to the upstream provider', () => {
    expect(isRetryableClose(CloseCode.ELSEWHERE)).toBe(true);
    // The upstream y-websocket provider gives up on 4400–4499 unless told otherwise; ours must not fall in it.
    expect(CloseCode.ELSEWHERE >= 4400 && CloseCode.ELSEWHERE < 4500).toBe(false);
  });

  it('are distinct and in the application range, except the standard going-away code', () => {
    const codes = Object.values(CloseCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) if (code !== CloseCode.GOING_AWAY) expect(code >= 4000 && code <= 4999).toBe(true);
  });
});

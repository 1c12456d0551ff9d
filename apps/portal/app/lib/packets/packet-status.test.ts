import { describe, expect, it } from 'vitest';
import { type PacketTimes, documentStatus, packetStatus } from './packet-status';

const now = new Date('2026-12-01T12:00:00Z');
const later = new Date('2026-12-10T00:00:00Z');
const earlier = new Date('2026-11-20T00:00:00Z');
const open: PacketTimes = {
  tokenExpiresAt: later,
  lockedAt: null,
  revokedAt: null,
  completedAt: null,
  countersignedAt: null,
  purgedAt: null,
};

describe('packet status', () => {
  it.each([
    ['sent', open, false],
    ['opened', open, true],
    ['expired', { ...open, tokenExpiresAt: earlier }, true],
    ['locked', { ...open, lockedAt: earlier }, true],
    ['revoked', { ...open, revokedAt: earlier, lockedAt: earlier }, true],
    ['signed', { ...open, completedAt: earlier, tokenExpiresAt: earlier }, true],
    ['countersigned', { ...open, completedAt: earlier, countersignedAt: earlier }, true],
    ['deleted', { ...open, completedAt: earlier, purgedAt: earlier }, true],
  ] as const)('%s', (expected, times, anyOpened) => {
    expect(packetStatus(times, anyOpened, now)).toBe(expected);
  });
});

describe('document status', () => {
  const consent = { kind: 'consent', openedAt: null, signedAt: null, countersignedAt: null };
  it.each([
    ['sent', consent, open],
    ['opened', { ...consent, openedAt: earlier }, open],
    ['expired', { ...consent, openedAt: earlier }, { ...open, tokenExpiresAt: earlier }],
    ['revoked', consent, { ...open, revokedAt: earlier }],
    ['signed', { ...consent, signedAt: earlier }, { ...open, tokenExpiresAt: earlier }],
    ['countersigned', { ...consent, signedAt: earlier, countersignedAt: earlier }, open],
    [
      'opened',
      { ...consent, kind: 'handout', openedAt: earlier },
      { ...open, tokenExpiresAt: earlier },
    ],
    ['expired', { ...consent, kind: 'handout' }, { ...open, tokenExpiresAt: earlier }],
  ] as const)('%s', (expected, document, times) => {
    expect(documentStatus(document, times, now)).toBe(expected);
  });
});

import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ciphertextKeyId,
  dataKeyId,
  dataKeyRing,
  decryptBytes,
  decryptText,
  encryptBytes,
  encryptText,
} from './crypto.server';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe('AES-256-GCM field encryption', () => {
  it('round-trips any text, and the ciphertext holds neither the text nor the key', () => {
    const ring = dataKeyRing([newKey]);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const ciphertext = encryptText(ring, text, 'patient_packets.patient_name:1');
        expect(decryptText(ring, ciphertext, 'patient_packets.patient_name:1')).toBe(text);
        expect(Buffer.from(ciphertext).includes(Buffer.from(newKey))).toBe(false);
        if (text.length >= 4)
          expect(Buffer.from(ciphertext).includes(Buffer.from(text))).toBe(false);
      }),
    );
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    const ring = dataKeyRing([newKey]);
    const first = encryptText(ring, '1970-01-01', 'x:1');
    const second = encryptText(ring, '1970-01-01', 'x:1');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });

  it('names the key inside each ciphertext', () => {
    const ring = dataKeyRing([newKey]);
    expect(ciphertextKeyId(encryptText(ring, 'a', 'x:1'))).toBe(dataKeyId(newKey));
    expect(dataKeyId(newKey)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a changed byte anywhere, and a value moved to another row or column', () => {
    const ring = dataKeyRing([newKey]);
    const ciphertext = encryptText(ring, 'Jane Example', 'patient_packets.patient_name:1');
    for (const index of [10, 25, ciphertext.length - 1]) {
      const altered = Uint8Array.from(ciphertext);
      altered[index] = (altered[index] ?? 0) ^ 1;
      expect(() => decryptText(ring, altered, 'patient_packets.patient_name:1')).toThrow(
        /altered or moved/,
      );
    }
    expect(() => decryptText(ring, ciphertext, 'patient_packets.patient_name:2')).toThrow(
      /patient_packets.patient_name failed/,
    );
  });

  it('decrypts with every key of the ring and encrypts with the first (rotation)', () => {
    const before = dataKeyRing([oldKey]);
    const stored = encryptBytes(before, Uint8Array.from([1, 2, 3]), 'x:1');
    const rotated = dataKeyRing([newKey, oldKey]);
    expect([...decryptBytes(rotated, stored, 'x:1')]).toEqual([1, 2, 3]);
    expect(ciphertextKeyId(encryptBytes(rotated, Uint8Array.from([1]), 'x:1'))).toBe(
      dataKeyId(newKey),
    );
  });

  it('says which key is missing when a value was made with a key not configured', () => {
    const stored = encryptText(dataKeyRing([oldKey]), 'a', 'x:1');
    expect(() => decryptText(dataKeyRing([newKey]), stored, 'x:1')).toThrow(
      new RegExp(`data key ${dataKeyId(oldKey)}, which is not configured`),
    );
  });

  it('refuses keys that are not 32 bytes and values that are not ciphertexts', () => {
    expect(() => dataKeyRing([randomBytes(16)])).toThrow(/must be 32 bytes \(AES-256\), got 16/);
    expect(() => dataKeyRing([])).toThrow(/at least one key/);
    expect(() => decryptText(dataKeyRing([newKey]), Uint8Array.from([9, 9]), 'x:1')).toThrow(
      /Not a Groundwork ciphertext/,
    );
  });
});

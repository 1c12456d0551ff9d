import { customType } from 'drizzle-orm/pg-core';

/**
 * A column of AES-256-GCM ciphertext (see `encryptBytes` in
 * app/lib/crypto.server.ts): key id, IV, tag and encrypted bytes in one
 * `bytea` value. Every table holding patient data uses it, with a `key_id`
 * column naming the data key, so key rotation can find what to re-encrypt.
 */
export const ciphertext = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

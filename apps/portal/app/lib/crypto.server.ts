import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token with 256 bits of entropy. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex. Tokens are stored hashed so a database leak does not leak them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** SHA-256 of bytes or text, hex. */
export function sha256Hex(value: Uint8Array | string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** One AES-256 data key and the id stored with everything it encrypts. */
export interface DataKey {
  /** 16 hex digits derived from the key itself, so the same key always has the same id. */
  id: string;
  key: Buffer;
}

/**
 * The data keys the server knows: the primary encrypts, every key decrypts
 * (rotation: put the new key first, keep the old ones until nothing uses them).
 */
export interface DataKeyRing {
  primary: DataKey;
  byId: ReadonlyMap<string, DataKey>;
}

/** The id of a data key: the start of a SHA-256 over a label and the key. */
export function dataKeyId(key: Uint8Array): string {
  return createHash('sha256')
    .update('groundwork-data-key\0')
    .update(key)
    .digest('hex')
    .slice(0, 16);
}

/** A key ring from raw 32-byte keys, the first one primary. */
export function dataKeyRing(keys: readonly Uint8Array[]): DataKeyRing {
  const [first] = keys;
  if (!first) throw new Error('A data key ring needs at least one key');
  const entries = keys.map((key, index) => {
    if (key.length !== 32) {
      throw new Error(`Data key ${index + 1} must be 32 bytes (AES-256), got ${key.length}`);
    }
    return { id: dataKeyId(key), key: Buffer.from(key) };
  });
  return {
    primary: entries[0] as DataKey,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
  };
}

// Layout of a ciphertext: version (1) | key id (8) | IV (12) | tag (16) | encrypted bytes.
const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

/**
 * Encrypts with AES-256-GCM under the ring's primary key. `context` (for
 * example `patient_packets.patient_name:<id>`) is authenticated but not
 * stored: a ciphertext copied to another row or column fails to decrypt.
 */
export function encryptBytes(
  ring: DataKeyRing,
  plaintext: Uint8Array,
  context: string,
): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.primary.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([
    Buffer.from([FORMAT_VERSION]),
    Buffer.from(ring.primary.id, 'hex'),
    iv,
    cipher.getAuthTag(),
    encrypted,
  ]);
}

/** The id of the key a ciphertext was made with. */
export function ciphertextKeyId(ciphertext: Uint8Array): string {
  if (ciphertext.length < HEADER_BYTES || ciphertext[0] !== FORMAT_VERSION) {
    throw new Error(
      `Not a Groundwork ciphertext: expected format ${FORMAT_VERSION} and at least ${HEADER_BYTES} bytes, got ${ciphertext.length} bytes`,
    );
  }
  return Buffer.from(ciphertext.subarray(1, 1 + KEY_ID_BYTES)).toString('hex');
}

/** Decrypts what {@link encryptBytes} made, with the key named inside it. Throws if anything was changed. */
export function decryptBytes(
  ring: DataKeyRing,
  ciphertext: Uint8Array,
  context: string,
): Uint8Array {
  const keyId = ciphertextKeyId(ciphertext);
  const dataKey = ring.byId.get(keyId);
  if (!dataKey) {
    throw new Error(
      `This value was encrypted with data key ${keyId}, which is not configured (known: ${[...ring.byId.keys()].join(', ')}). Add the old key to GROUNDWORK_DATA_KEY after the new one.`,
    );
  }
  const buffer = Buffer.from(ciphertext);
  const iv = buffer.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + IV_BYTES);
  const tag = buffer.subarray(1 + KEY_ID_BYTES + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(buffer.subarray(HEADER_BYTES)), decipher.final()]);
  } catch (cause) {
    throw new Error(`Decrypting ${context.split(':')[0]} failed: the value was altered or moved`, {
      cause,
    });
  }
}

/** {@link encryptBytes} for UTF-8 text. */
export function encryptText(ring: DataKeyRing, text: string, context: string): Uint8Array {
  return encryptBytes(ring, Buffer.from(text, 'utf8'), context);
}

/** {@link decryptBytes} for UTF-8 text. */
export function decryptText(ring: DataKeyRing, ciphertext: Uint8Array, context: string): string {
  return Buffer.from(decryptBytes(ring, ciphertext, context)).toString('utf8');
}

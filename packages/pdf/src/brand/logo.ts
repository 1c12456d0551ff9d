/** Largest logo file accepted, in bytes (2 MB). */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Largest logo accepted, in pixels (width x height), so decoding stays within ~64 MB. */
export const MAX_LOGO_PIXELS = 4096 * 4096;
/** Longest logo side accepted, in pixels. */
export const MAX_LOGO_SIDE = 8192;

/** Image formats a logo may use. */
export type LogoFormat = 'png' | 'jpeg';

/** What the header of a valid logo file says. */
export interface LogoInfo {
  format: LogoFormat;
  width: number;
  height: number;
}

/** A logo file that failed inspection; `message` says what is wrong in plain words. */
export class LogoError extends Error {
  override name = 'LogoError';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Names the image format from its first bytes (magic numbers), or undefined when it is neither PNG nor JPEG. */
export function sniffImageFormat(bytes: Uint8Array): LogoFormat | undefined {
  if (PNG_SIGNATURE.every((value, index) => bytes[index] === value)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc = (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const VALID_PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function inspectPng(bytes: Uint8Array, view: DataView): LogoInfo {
  let offset = 8;
  let width = 0;
  let height = 0;
  let sawHeader = false;
  let sawData = false;
  while (true) {
    if (offset + 12 > bytes.length) {
      throw new LogoError(
        `The PNG logo is truncated: it ends at byte ${bytes.length} before its closing IEND chunk.`,
      );
    }
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) {
      throw new LogoError(
        `The PNG logo is truncated: its ${type} chunk needs ${length} bytes but the file ends first.`,
      );
    }
    if (crc32(bytes, offset + 4, offset + 8 + length) !== view.getUint32(offset + 8 + length)) {
      throw new LogoError(
        `The PNG logo is corrupt: the checksum of its ${type} chunk does not match.`,
      );
    }
    if (!sawHeader) {
      if (type !== 'IHDR' || length !== 13) {
        throw new LogoError(
          'The PNG logo is corrupt: it does not start with an IHDR header chunk.',
        );
      }
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const depth = bytes[offset + 16] ?? 0;
      const colourType = bytes[offset + 17] ?? -1;
      if (!VALID_PNG_DEPTHS[colourType]?.includes(depth)) {
        throw new LogoError(
          `The PNG logo is corrupt: colour type ${colourType} with bit depth ${depth} is not valid PNG.`,
        );
      }
      sawHeader = true;
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      break;
    }
    offset = end;
  }
  if (!sawData) throw new LogoError('The PNG logo has no image data (no IDAT chunk).');
  return { format: 'png', width, height };
}

const START_OF_FRAME = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function inspectJpeg(bytes: Uint8Array, view: DataView): LogoInfo {
  let offset = 2;
  let frame: { width: number; height: number } | undefined;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) {
      throw new LogoError(`The JPEG logo is corrupt: expected a marker at byte ${offset}.`);
    }
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9) break;
    if (offset + 4 > bytes.length) break;
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) {
      throw new LogoError(
        'The JPEG logo is truncated: a header segment runs past the end of the file.',
      );
    }
    if (START_OF_FRAME.has(marker)) {
      frame = { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    if (marker === 0xda) {
      // Entropy-coded data follows the scan header; the image must still close with EOI.
      break;
    }
    offset += 2 + length;
  }
  if (!frame) throw new LogoError('The JPEG logo is corrupt: it has no frame header (SOF).');
  let last = bytes.length - 1;
  while (last > 0 && bytes[last] === 0x00) last--;
  if (bytes[last - 1] !== 0xff || bytes[last] !== 0xd9) {
    throw new LogoError(
      'The JPEG logo is truncated: it does not end with the end-of-image marker.',
    );
  }
  return { format: 'jpeg', ...frame };
}

/**
 * Reads a logo's format and dimensions from its header and checks its structure
 * (PNG chunk checksums, JPEG segment lengths and end marker) without decoding
 * pixels. Throws a {@link LogoError} with a plain message for anything unusable.
 */
export function inspectLogo(bytes: Uint8Array): LogoInfo {
  if (bytes.length === 0) throw new LogoError('The logo file is empty.');
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new LogoError(
      `The logo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Export it smaller (a 600 px wide PNG is plenty for print).`,
    );
  }
  const format = sniffImageFormat(bytes);
  if (!format) {
    throw new LogoError('The logo must be a PNG or JPEG image; this file is neither.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info = format === 'png' ? inspectPng(bytes, view) : inspectJpeg(bytes, view);
  if (info.width === 0 || info.height === 0) {
    throw new LogoError(
      `The ${format.toUpperCase()} logo says it is ${info.width}x${info.height} pixels.`,
    );
  }
  if (
    info.width > MAX_LOGO_SIDE ||
    info.height > MAX_LOGO_SIDE ||
    info.width * info.height > MAX_LOGO_PIXELS
  ) {
    throw new LogoError(
      `The logo is ${info.width}x${info.height} pixels; the limit is ${MAX_LOGO_PIXELS.toLocaleString('en-US')} pixels (for example 4096x4096). Export it smaller.`,
    );
  }
  return info;
}

/** Decodes base64 or a `data:image/...;base64,` URL to bytes, in browsers and Node alike. */
export function decodeBase64Image(value: string): Uint8Array {
  const comma = value.startsWith('data:') ? value.indexOf(',') : -1;
  const payload = (comma >= 0 ? value.slice(comma + 1) : value).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) {
    throw new LogoError('The logo text is not valid base64 or a base64 data: URL.');
  }
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

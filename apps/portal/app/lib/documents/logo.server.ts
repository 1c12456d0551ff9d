import sharp, { type Metadata } from 'sharp';
import { LOGO_MAX_BYTES } from './upload-limits';

export { LOGO_MAX_BYTES };

/**
 * Largest image, in pixels, the server will decode. Checked against the
 * header before decoding and again by sharp while decoding, so a small file
 * that claims huge dimensions (a decompression bomb) is refused cheaply.
 */
export const LOGO_MAX_INPUT_PIXELS = 6000 * 6000;

/** The box a stored logo fits inside; smaller logos are never enlarged. */
export const LOGO_BOX = { width: 1200, height: 600 } as const;

/** Why a logo upload was refused. */
export type LogoErrorCode =
  | 'empty'
  | 'too-large'
  | 'unsupported-type'
  | 'too-many-pixels'
  | 'corrupt';

/** A logo upload that was refused, with a message fit to show the user. */
export class LogoError extends Error {
  /** The form field the error belongs to. */
  readonly field = 'logo';
  /** Machine-readable reason. */
  readonly code: LogoErrorCode;

  constructor(code: LogoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LogoError';
    this.code = code;
  }
}

/** A logo that has been decoded, resized and re-encoded, safe to store and embed. */
export interface ProcessedLogo {
  /** `image/png` or `image/jpeg`, the same family as the upload. */
  mimeType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Which image family the leading bytes announce, whatever the file name or MIME type claims. */
export function sniffImageType(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'jpeg';
  return undefined;
}

const JPEG_START_OF_FRAME = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/**
 * Width and height as declared in a PNG's IHDR chunk or a JPEG's start-of-frame
 * segment, read straight from the bytes without decoding anything.
 */
export function readDeclaredDimensions(
  bytes: Uint8Array,
  type: 'png' | 'jpeg',
): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'png') {
    // Signature (8) + chunk length (4) + "IHDR" (4), then width and height.
    if (bytes.byteLength < 24 || view.getUint32(12) !== 0x49484452) return undefined;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let offset = 2;
  while (offset + 9 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    if (JPEG_START_OF_FRAME.has(marker)) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

function formatBytes(size: number): string {
  return size >= 1024 * 1024
    ? `${(size / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.ceil(size / 1024)} KB`;
}

/**
 * Checks an uploaded logo and returns a clean copy: PNG or JPEG only (by magic
 * bytes), at most {@link LOGO_MAX_BYTES}, dimensions read from the header and
 * limited to {@link LOGO_MAX_INPUT_PIXELS} before any decoding, then decoded,
 * fitted inside {@link LOGO_BOX} and re-encoded without metadata.
 *
 * @throws {LogoError} with a message naming what was wrong.
 */
export async function processLogo(upload: Uint8Array): Promise<ProcessedLogo> {
  if (upload.byteLength === 0) {
    throw new LogoError('empty', 'The logo file is empty. Choose a PNG or JPEG image.');
  }
  if (upload.byteLength > LOGO_MAX_BYTES) {
    throw new LogoError(
      'too-large',
      `The logo is ${formatBytes(upload.byteLength)}; the limit is ${formatBytes(LOGO_MAX_BYTES)}.`,
    );
  }
  const type = sniffImageType(upload);
  if (!type) {
    throw new LogoError(
      'unsupported-type',
      'The logo must be a PNG or JPEG image (the file content is neither, whatever its name says).',
    );
  }

  const declared = readDeclaredDimensions(upload, type);
  if (!declared || declared.width <= 0 || declared.height <= 0) {
    throw new LogoError(
      'corrupt',
      'The logo has no readable width and height; the file is damaged.',
    );
  }
  if (declared.width * declared.height > LOGO_MAX_INPUT_PIXELS) {
    throw new LogoError(
      'too-many-pixels',
      `The logo is ${declared.width}×${declared.height} pixels; the limit is ${LOGO_MAX_INPUT_PIXELS.toLocaleString('en-US')} pixels in total (for example 6000×6000).`,
    );
  }

  // sharp enforces the same pixel limit itself, in case the header lied to us.
  const options = { limitInputPixels: LOGO_MAX_INPUT_PIXELS, failOn: 'truncated' } as const;
  let header: Metadata;
  try {
    header = await sharp(upload, options).metadata();
  } catch (cause) {
    throw new LogoError('corrupt', 'The logo file is damaged or incomplete and cannot be read.', {
      cause,
    });
  }
  if (header.format !== type) {
    throw new LogoError(
      'unsupported-type',
      `The logo must be a PNG or JPEG image; the file was read as ${header.format ?? 'unknown'}.`,
    );
  }

  try {
    const pipeline = sharp(upload, options)
      .rotate()
      .resize({ ...LOGO_BOX, fit: 'inside', withoutEnlargement: true });
    const encoded =
      type === 'png'
        ? pipeline.png({ compressionLevel: 9 })
        : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 88, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      mimeType: type === 'png' ? 'image/png' : 'image/jpeg',
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  } catch (cause) {
    throw new LogoError('corrupt', 'The logo file is damaged or incomplete and cannot be read.', {
      cause,
    });
  }
}

import { type DecodedPng, decode as decodePng, encode as encodePng } from 'fast-png';
import { Unzlib } from 'fflate';
import decodeJpeg from 'jpeg-js/lib/decoder.js';
import { LogoError, type LogoInfo, MAX_LOGO_PIXELS } from './logo.js';

/** A logo that decoded completely: bytes fit to embed, plus format and size. */
export interface DecodedLogo extends LogoInfo {
  /** A PNG re-encoded as plain 8-bit RGB or RGBA, not interlaced; a JPEG as uploaded. */
  bytes: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Bytes of filtered image data a PNG's header promises, interlaced or not. */
function expectedPngDataLength(width: number, height: number, bytes: Uint8Array): number {
  const depth = bytes[24] ?? 8;
  const channels = CHANNELS[bytes[25] ?? 2] ?? 3;
  const rowLength = (pixels: number) => 1 + Math.ceil((pixels * channels * depth) / 8);
  if (bytes[28] !== 1) return height * rowLength(width);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const passWidth = Math.ceil((width - x0) / dx);
    const passHeight = Math.ceil((height - y0) / dy);
    if (passWidth > 0 && passHeight > 0) total += passHeight * rowLength(passWidth);
  }
  return total;
}

/**
 * Inflates the IDAT stream once without keeping it, to learn its length:
 * truncated or undecompressable data gets a plain message, and a
 * decompression bomb stops at twice what the header promises, before the
 * full decoder allocates anything.
 */
function checkPngDataLength(info: LogoInfo, bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expected = expectedPngDataLength(info.width, info.height, bytes);
  const limit = expected * 2 + 65536;
  let inflated = 0;
  const inflater = new Unzlib((chunk) => {
    inflated += chunk.length;
    if (inflated > limit) {
      throw new LogoError(
        `The PNG logo is corrupt: its image data inflates to more than twice the ${expected} bytes its ${info.width}x${info.height} header allows.`,
      );
    }
  });
  const parts: Uint8Array[] = [];
  for (let offset = 8, ended = false; offset + 12 <= bytes.length && !ended; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'IDAT') parts.push(bytes.subarray(offset + 8, offset + 8 + length));
    ended = type === 'IEND';
    offset += 12 + length;
  }
  const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let filled = 0;
  for (const part of parts) {
    data.set(part, filled);
    filled += part.length;
  }
  try {
    // One push: the streaming inflater cannot tell a short stream from a bad one.
    inflater.push(data, true);
  } catch (cause) {
    if (cause instanceof LogoError) throw cause;
    const message =
      cause instanceof Error && /unexpected EOF/i.test(cause.message)
        ? 'The PNG logo is truncated: its compressed image data ends early.'
        : 'The PNG logo is corrupt: its image data cannot be decompressed.';
    throw new LogoError(message, { cause });
  }
  if (inflated < expected) {
    throw new LogoError(
      `The PNG logo is truncated: its image data holds ${inflated} bytes where ${info.width}x${info.height} pixels need ${expected}.`,
    );
  }
}

/** Reads one sample of a decoded PNG, scaled to 0-255 (palette images: the palette index, unscaled). */
function sampleReader(png: DecodedPng): (pixel: number, channel: number) => number {
  const { data, depth, channels, width } = png;
  if (depth === 8) return (pixel, channel) => data[pixel * channels + channel] ?? 0;
  if (depth === 16) return (pixel, channel) => (data[pixel * channels + channel] ?? 0) >> 8;
  // 1, 2 and 4 bits: one channel (grey or palette), rows padded to whole bytes.
  const rowBytes = Math.ceil((width * depth) / 8);
  const max = (1 << depth) - 1;
  const scale = png.palette ? 1 : 255 / max;
  return (pixel) => {
    const x = pixel % width;
    const bit = x * depth;
    const byte = data[Math.floor(pixel / width) * rowBytes + (bit >> 3)] ?? 0;
    return Math.round(((byte >> (8 - depth - (bit & 7))) & max) * scale);
  };
}

/** Raw (unscaled) sample values, for comparing with a tRNS colour key. */
function rawReader(png: DecodedPng): (pixel: number, channel: number) => number {
  const { data, depth, channels, width } = png;
  if (depth >= 8) return (pixel, channel) => data[pixel * channels + channel] ?? 0;
  const rowBytes = Math.ceil((width * depth) / 8);
  const max = (1 << depth) - 1;
  return (pixel) => {
    const bit = (pixel % width) * depth;
    const byte = data[Math.floor(pixel / width) * rowBytes + (bit >> 3)] ?? 0;
    return (byte >> (8 - depth - (bit & 7))) & max;
  };
}

/**
 * Any decoded PNG (grey, grey+alpha, RGB, RGBA, palette; 1 to 16 bits;
 * tRNS colour keys) as 8-bit RGBA samples, and whether any pixel is not opaque.
 */
function toRgba(png: DecodedPng): { rgba: Uint8Array; translucent: boolean } {
  const pixels = png.width * png.height;
  if (png.depth === 8 && png.channels === 4 && !png.palette) {
    // Already 8-bit RGBA (the common case): no per-pixel conversion.
    const rgba = png.data as Uint8Array;
    let translucent = false;
    for (let alpha = 3; alpha < rgba.length && !translucent; alpha += 4)
      translucent = rgba[alpha] !== 255;
    return { rgba, translucent };
  }
  const rgba = new Uint8Array(pixels * 4);
  const sample = sampleReader(png);
  const raw = rawReader(png);
  const { palette, channels } = png;
  const key = !palette && png.transparency?.length ? Array.from(png.transparency) : undefined;
  let translucent = false;
  for (let pixel = 0; pixel < pixels; pixel++) {
    let r: number;
    let g: number;
    let b: number;
    let a = 255;
    if (palette) {
      const index = sample(pixel, 0);
      const entry = palette[index];
      if (!entry) {
        throw new LogoError(
          `The PNG logo is corrupt: a pixel uses colour ${index} but its palette has ${palette.length} colours.`,
        );
      }
      [r = 0, g = 0, b = 0, a = 255] = entry;
    } else if (channels <= 2) {
      r = g = b = sample(pixel, 0);
      if (channels === 2) a = sample(pixel, 1);
      else if (key && raw(pixel, 0) === key[0]) a = 0;
    } else {
      r = sample(pixel, 0);
      g = sample(pixel, 1);
      b = sample(pixel, 2);
      if (channels === 4) a = sample(pixel, 3);
      else if (key?.every((value, channel) => raw(pixel, channel) === value)) a = 0;
    }
    rgba[pixel * 4] = r;
    rgba[pixel * 4 + 1] = g;
    rgba[pixel * 4 + 2] = b;
    rgba[pixel * 4 + 3] = a;
    if (a !== 255) translucent = true;
  }
  return { rgba, translucent };
}

/** The PNG's pixels as 8-bit RGB, or RGBA when any pixel is not opaque. */
function plainSamples(png: DecodedPng): { data: Uint8Array; channels: 3 | 4 } {
  if (png.depth === 8 && png.channels === 3 && !png.palette && !png.transparency?.length) {
    return { data: png.data as Uint8Array, channels: 3 };
  }
  const { rgba, translucent } = toRgba(png);
  return translucent ? { data: rgba, channels: 4 } : { data: dropAlpha(rgba), channels: 3 };
}

function dropAlpha(rgba: Uint8Array): Uint8Array {
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i] ?? 0;
    rgb[j + 1] = rgba[i + 1] ?? 0;
    rgb[j + 2] = rgba[i + 2] ?? 0;
  }
  return rgb;
}

function plainMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const filter = /Unsupported filter: (\S+)/.exec(message);
  if (filter) {
    return `The PNG logo is corrupt: a row uses filter type ${filter[1]}; PNG has only filter types 0 to 4.`;
  }
  return `The PNG logo is corrupt: ${message.replace(/[:.]\s*$/, '')}.`;
}

function decodePngLogo(info: LogoInfo, bytes: Uint8Array): DecodedLogo {
  checkPngDataLength(info, bytes);
  let png: DecodedPng;
  try {
    png = decodePng(bytes, { checkCrc: true });
  } catch (cause) {
    throw new LogoError(plainMessage(cause), { cause });
  }
  if (png.width !== info.width || png.height !== info.height) {
    throw new LogoError('The PNG logo is corrupt: its decoded size does not match its header.');
  }
  if (png.channels === 1 && (bytes[25] ?? 0) === 3 && !png.palette) {
    throw new LogoError('The PNG logo is corrupt: it uses a palette but has no PLTE chunk.');
  }
  // png-js (react-pdf's PNG reader) fails on some valid PNGs; a plain
  // 8-bit RGB(A), non-interlaced copy is one it reads.
  const encoded = encodePng({
    width: png.width,
    height: png.height,
    depth: 8,
    ...plainSamples(png),
  });
  return { ...info, bytes: encoded };
}

function decodeJpegLogo(info: LogoInfo, bytes: Uint8Array): DecodedLogo {
  try {
    decodeJpeg(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: MAX_LOGO_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 256,
    });
  } catch (cause) {
    // jpeg-js's own messages name the problem ("unsupported ... marker");
    // a TypeError is it tripping over garbage, which says nothing to a user.
    const own =
      cause instanceof Error && !(cause instanceof TypeError) && !(cause instanceof RangeError);
    const detail = own ? `: ${cause.message.replace(/[:.]\s*$/, '')}` : '';
    throw new LogoError(
      `The JPEG logo is corrupt or uses a feature PDF viewers cannot show${detail}. Export it again as a baseline or progressive JPEG, or as a PNG.`,
      { cause },
    );
  }
  return { ...info, bytes };
}

/**
 * Decodes a logo that passed {@link inspectLogo} completely (every PNG row
 * filter, bit depth, palette and interlacing; every JPEG scan), so a file that
 * would fail inside the PDF writer is a {@link LogoError} at parse time. A PNG
 * comes back re-encoded as plain 8-bit RGB or RGBA; a JPEG as it was.
 */
export function decodeLogo(info: LogoInfo, bytes: Uint8Array): DecodedLogo {
  return info.format === 'png' ? decodePngLogo(info, bytes) : decodeJpegLogo(info, bytes);
}

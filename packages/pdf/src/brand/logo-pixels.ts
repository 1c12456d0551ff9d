import { inflateSync } from 'node:zlib';
import type { Logo } from './brand-kit.js';
import { LogoError } from './logo.js';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Decompresses a PNG logo's image data once, bounded by the size its header
 * promises, so a corrupt or truncated logo is rejected with a plain message
 * before layout instead of failing inside the PDF writer. (The header checks
 * in {@link inspectLogo} run in browsers too; this one needs zlib.) JPEG
 * data is embedded as is, so only its structure is checked.
 */
export function verifyLogoPixels(logo: Logo): void {
  if (logo.format !== 'png') return;
  const { bytes } = logo;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const depth = bytes[24] ?? 8;
  const channels = CHANNELS[bytes[25] ?? 2] ?? 3;
  const interlaced = bytes[28] === 1;
  const parts: Uint8Array[] = [];
  for (let offset = 8; offset + 12 <= bytes.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'IDAT') parts.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const data = Buffer.concat(parts);
  const rowBytes = Math.ceil((logo.width * channels * depth) / 8);
  const expected = logo.height * (1 + rowBytes);
  let pixels: Buffer;
  try {
    // Adam7 interlacing adds filter bytes per pass row; allow for them.
    pixels = inflateSync(data, { maxOutputLength: expected * 2 + 1024 });
  } catch (cause) {
    throw new LogoError('The PNG logo is corrupt: its image data cannot be decompressed.', {
      cause,
    });
  }
  if (!interlaced && pixels.length < expected) {
    throw new LogoError(
      `The PNG logo is truncated: its image data holds ${pixels.length} bytes where ${logo.width}x${logo.height} pixels need ${expected}.`,
    );
  }
}

import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  LOGO_MAX_BYTES,
  LogoError,
  processLogo,
  readDeclaredDimensions,
  sniffImageType,
} from './logo.server';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A small, well-formed PNG whose header declares `width`×`height` greyscale pixels. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  // A few rows of zeros: enough to look plausible, tiny on disk.
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function solidImage(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const image = sharp({
    create: { width, height, channels: 4, background: { r: 20, g: 90, b: 160, alpha: 1 } },
  });
  return format === 'png' ? image.png().toBuffer() : image.jpeg().toBuffer();
}

async function refusal(upload: Uint8Array): Promise<LogoError> {
  const error = await processLogo(upload).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LogoError);
  return error as LogoError;
}

describe('readDeclaredDimensions', () => {
  it('reads width and height from PNG and JPEG headers', async () => {
    expect(readDeclaredDimensions(await solidImage(321, 123, 'png'), 'png')).toEqual({
      width: 321,
      height: 123,
    });
    const jpeg = await sharp(await solidImage(77, 55, 'jpeg'))
      .withExif({ IFD0: { Artist: 'x' } })
      .jpeg()
      .toBuffer();
    expect(readDeclaredDimensions(jpeg, 'jpeg')).toEqual({ width: 77, height: 55 });
  });
});

describe('processLogo', () => {
  it('refuses a zero-byte file', async () => {
    const error = await refusal(new Uint8Array(0));
    expect(error.code).toBe('empty');
    expect(error.field).toBe('logo');
    expect(error.message).toMatch(/empty/);
  });

  it('refuses a truncated PNG', async () => {
    const whole = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#336699' },
    })
      .composite([
        { input: randomBytes(200 * 150 * 3), raw: { width: 200, height: 150, channels: 3 } },
      ])
      .png()
      .toBuffer();
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/damaged or incomplete/);
  });

  it('refuses an HTML file named .png, by content', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const error = await refusal(html);
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/PNG or JPEG/);
  });

  it('refuses an SVG', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const error = await refusal(svg);
    expect(error.code).toBe('unsupported-type');
  });

  it('refuses a PNG that declares 20000×20000 pixels, from its header', async () => {
    const bomb = pngDeclaring(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100_000);
    const error = await refusal(bomb);
    expect(error.code).toBe('too-many-pixels');
    expect(error.message).toContain('20000×20000');
  });

  it('refuses a JPEG over 2 MB', async () => {
    const noise = randomBytes(1600 * 1600 * 3);
    const big = await sharp(noise, { raw: { width: 1600, height: 1600, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(LOGO_MAX_BYTES);
    expect(sniffImageType(big)).toBe('jpeg');
    const error = await refusal(big);
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/limit is 2\.0 MB/);
  });

  it('accepts a PNG, fits it inside 1200×600 and re-encodes it as PNG', async () => {
    const logo = await processLogo(await solidImage(2400, 800, 'png'));
    expect(logo.mimeType).toBe('image/png');
    expect([logo.width, logo.height]).toEqual([1200, 400]);
    expect(sniffImageType(logo.bytes)).toBe('png');
    const reread = await sharp(logo.bytes).metadata();
    expect([reread.width, reread.height]).toEqual([1200, 400]);
  });

  it('accepts a JPEG, keeps a small one at its size and strips its metadata', async () => {
    const withExif = await sharp(await solidImage(300, 120, 'jpeg'))
      .withExif({ IFD0: { Copyright: 'Patient Zero camera' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const logo = await processLogo(withExif);
    expect(logo.mimeType).toBe('image/jpeg');
    expect([logo.width, logo.height]).toEqual([300, 120]);
    expect((await sharp(logo.bytes).metadata()).exif).toBeUndefined();
  });
});

import { BrandKitError, parseBrandKit } from '@groundwork/pdf/brand';
import { decode as decodePng, encode as encodePng, type ImageData } from 'fast-png';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BAD_FILTER_PNG,
  makeJpeg,
  makeJpegHeader,
  makePng,
  makeRawPng,
  riverside,
} from '../../test/fixtures.js';

function logoIssue(logo: Uint8Array): string {
  try {
    parseBrandKit({ ...riverside, logo });
  } catch (error) {
    expect(error).toBeInstanceOf(BrandKitError);
    const issues = (error as BrandKitError).issues;
    expect(issues.map((issue) => issue.field)).toEqual(['logo']);
    return issues[0]?.message ?? '';
  }
  throw new Error('the logo was accepted');
}

/** Parses a kit with this logo and decodes what it will embed. */
function embedded(logo: Uint8Array) {
  const kit = parseBrandKit({ ...riverside, logo });
  const bytes = kit.logo?.bytes ?? new Uint8Array();
  return { kit, bytes, png: decodePng(bytes) };
}

const width = 6;
const height = 5;
/** The same picture in many PNG encodings: left half dark blue, right half transparent-ish green. */
function picture(channels: number, depth: 8 | 16): ImageData {
  const max = depth === 16 ? 65535 : 255;
  const data =
    depth === 16
      ? new Uint16Array(width * height * channels)
      : new Uint8Array(width * height * channels);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const left = pixel % width < width / 2;
    const rgba = left ? [26, 77, 143, 255] : [46, 125, 107, 128];
    const samples =
      channels === 1 ? [rgba[0]] : channels === 2 ? [rgba[0], rgba[3]] : rgba.slice(0, channels);
    samples.forEach((value, channel) => {
      data[pixel * channels + channel] = Math.round(((value ?? 0) / 255) * max);
    });
  }
  return { width, height, data, channels, depth };
}

describe('decodeLogo (at parse time)', () => {
  it('rejects the 1x1 RGBA PNG with valid checksums and a bad row filter, naming logo', () => {
    expect(BAD_FILTER_PNG.length).toBeLessThan(80);
    expect(logoIssue(BAD_FILTER_PNG)).toBe(
      'The PNG logo is corrupt: a row uses filter type 7; PNG has only filter types 0 to 4.',
    );
  });

  it('rejects a bad filter byte on a later row, not just the first', () => {
    const rowBytes = 1 + 3 * 4;
    const scanlines = new Uint8Array(rowBytes * 3);
    scanlines[rowBytes * 2] = 5;
    expect(logoIssue(makeRawPng({ width: 3, height: 3, scanlines }))).toMatch(/filter type 5/);
  });

  it('rejects truncated image data (the IDAT stream cut short)', () => {
    const scanlines = new Uint8Array(20 * 121).map((_, index) => (index * 7) % 251);
    const compressed = new Uint8Array(deflateSync(scanlines));
    const cut = compressed.subarray(0, compressed.length / 2);
    expect(logoIssue(makeRawPng({ width: 40, height: 20, colourType: 2, compressed: cut }))).toBe(
      'The PNG logo is truncated: its compressed image data ends early.',
    );
  });

  it('rejects image data shorter than the header promises', () => {
    expect(
      logoIssue(
        makeRawPng({ width: 40, height: 20, colourType: 2, scanlines: new Uint8Array(100) }),
      ),
    ).toBe(
      'The PNG logo is truncated: its image data holds 100 bytes where 40x20 pixels need 2420.',
    );
  });

  it('rejects image data that is not zlib at all', () => {
    expect(
      logoIssue(makePng(40, 20, { imageData: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) })),
    ).toBe('The PNG logo is corrupt: its image data cannot be decompressed.');
  });

  it('stops a decompression bomb at twice the size the header allows', () => {
    const bomb = makeRawPng({
      width: 1,
      height: 1,
      colourType: 0,
      scanlines: new Uint8Array(1_000_000),
    });
    expect(bomb.length).toBeLessThan(2000);
    expect(logoIssue(bomb)).toMatch(/inflates to more than twice the 2 bytes/);
  });

  it('rejects a palette index past the end of the palette', () => {
    const png = encodePng({
      width: 2,
      height: 1,
      data: new Uint8Array([0, 3]),
      channels: 1,
      depth: 8,
      palette: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    });
    expect(logoIssue(png)).toBe(
      'The PNG logo is corrupt: a pixel uses colour 3 but its palette has 2 colours.',
    );
  });

  it.each([
    ['8-bit RGB', picture(3, 8), {}, false],
    ['8-bit RGBA', picture(4, 8), {}, true],
    ['16-bit RGB', picture(3, 16), {}, false],
    ['16-bit RGBA', picture(4, 16), {}, true],
    ['8-bit grey + alpha', picture(2, 8), {}, true],
    ['16-bit grey', picture(1, 16), {}, false],
    ['interlaced (Adam7) RGBA', picture(4, 8), { interlace: 'Adam7' as const }, true],
  ])('re-encodes a %s PNG as plain 8-bit, same pixels', (_, image, options, alpha) => {
    const { kit, png } = embedded(encodePng(image, options));
    expect(kit.logo).toMatchObject({ format: 'png', width, height });
    expect(png).toMatchObject({ depth: 8, channels: alpha ? 4 : 3, width, height });
    expect(png.palette).toBeUndefined();
    const stored = kit.logo?.bytes ?? new Uint8Array();
    expect(stored[28], 'interlace method').toBe(0);
    // The top-left pixel is dark blue (grey images: its red sample), the top-right half-transparent.
    const first = Array.from(png.data.subarray(0, png.channels));
    const expected = image.channels && image.channels <= 2 ? [26, 26, 26] : [26, 77, 143];
    expect(first.slice(0, 3)).toEqual(expected);
    if (alpha) expect(png.data[(width - 1) * 4 + 3]).toBe(128);
  });

  it('expands a 2-bit palette with transparency (tRNS) to RGBA', () => {
    // Two pixels in one 2-bit row: indices 0 and 1 -> 0b00_01_0000.
    const png = makeRawPng({
      width: 2,
      height: 1,
      colourType: 3,
      depth: 2,
      chunks: [
        ['PLTE', new Uint8Array([26, 77, 143, 46, 125, 107])],
        ['tRNS', new Uint8Array([255, 0])],
      ],
      scanlines: new Uint8Array([0, 0b0001_0000]),
    });
    const decoded = embedded(png).png;
    expect(decoded.channels).toBe(4);
    expect(Array.from(decoded.data)).toEqual([26, 77, 143, 255, 46, 125, 107, 0]);
  });

  it('turns an RGB colour key (tRNS) into alpha', () => {
    const png = makeRawPng({
      width: 2,
      height: 2,
      colourType: 2,
      chunks: [['tRNS', new Uint8Array([0, 46, 0, 125, 0, 107])]],
      scanlines: new Uint8Array([0, 26, 77, 143, 46, 125, 107, 0, 46, 125, 107, 26, 77, 143]),
    });
    expect(Array.from(embedded(png).png.data)).toEqual([
      26, 77, 143, 255, 46, 125, 107, 0, 46, 125, 107, 0, 26, 77, 143, 255,
    ]);
  });

  it('scales 1-bit grey to 0 and 255', () => {
    const png = encodePng({
      width: 2,
      height: 1,
      data: new Uint8Array([0b0100_0000]),
      channels: 1,
      depth: 1,
    });
    expect(Array.from(embedded(png).png.data)).toEqual([0, 0, 0, 255, 255, 255]);
  });

  it('keeps a valid JPEG as uploaded, and rejects one whose scan data is garbage', () => {
    const jpeg = makeJpeg(32, 16);
    const kit = parseBrandKit({ ...riverside, logo: jpeg });
    expect(kit.logo).toMatchObject({ format: 'jpeg', width: 32, height: 16 });
    expect(kit.logo?.bytes).toEqual(jpeg);
    expect(logoIssue(makeJpegHeader(10, 10))).toMatch(/^The JPEG logo is corrupt/);
  });
});

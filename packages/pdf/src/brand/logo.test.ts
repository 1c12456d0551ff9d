import { inspectLogo, MAX_LOGO_BYTES, sniffImageFormat } from '@groundwork/pdf/brand';
import { describe, expect, it } from 'vitest';
import { makeJpegHeader, makePng } from '../../test/fixtures.js';

describe('inspectLogo', () => {
  it('reads PNG dimensions from the header', () => {
    expect(inspectLogo(makePng(120, 40))).toEqual({ format: 'png', width: 120, height: 40 });
  });

  it('reads JPEG dimensions from the frame header', () => {
    expect(inspectLogo(makeJpegHeader(640, 200))).toEqual({
      format: 'jpeg',
      width: 640,
      height: 200,
    });
  });

  it('sniffs the type from magic bytes, not a name', () => {
    expect(sniffImageFormat(makePng(2, 2))).toBe('png');
    expect(sniffImageFormat(makeJpegHeader(2, 2))).toBe('jpeg');
    expect(sniffImageFormat(new TextEncoder().encode('GIF89a....'))).toBeUndefined();
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a GIF', new TextEncoder().encode('GIF89a not a png'), /PNG or JPEG/],
    ['a truncated PNG', makePng(50, 50).subarray(0, 60), /truncated/],
    ['a JPEG without its end marker', makeJpegHeader(10, 10, { withEnd: false }), /truncated/],
  ])('rejects %s with a plain message', (_, bytes, message) => {
    expect(() => inspectLogo(bytes)).toThrow(message);
  });

  it('rejects a PNG whose bytes were altered (checksum mismatch)', () => {
    const png = makePng(30, 30);
    png[40] = (png[40] ?? 0) ^ 0xff;
    expect(() => inspectLogo(png)).toThrow(/checksum/);
  });

  it('bounds the pixel count by the header, before decoding anything', () => {
    expect(() => inspectLogo(makePng(4, 4, { declaredWidth: 5000, declaredHeight: 5000 }))).toThrow(
      /5000x5000 pixels; the limit is 16,777,216/,
    );
  });

  it('rejects files over 2 MB', () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(makePng(2, 2));
    expect(() => inspectLogo(big)).toThrow(/2\.0 MB; the limit is 2 MB/);
  });
});

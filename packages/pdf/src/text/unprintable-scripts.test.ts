import { BrandKitError, parseBrandKit } from '@groundwork/pdf/brand';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { unprintableScripts } from './unprintable-scripts.js';

describe('unprintableScripts', () => {
  it.each([
    ['Riverside Clínica Tiếng Việt', []],
    ['Ελληνικά Кириллица עברית العربية', []],
    ['Call 555-0100 · 50% off! 🌿👩‍⚕️ ©', []],
    ['東京クリニック', ['Chinese (Han)', 'Japanese kana']],
    ['서울 클리닉', ['Korean (Hangul)']],
    ['คลินิก', ['Thai']],
    ['ᚠᚢᚦ', ['another writing system']],
  ])('%s -> %j', (text, scripts) => {
    expect(unprintableScripts(text)).toEqual(scripts);
  });
});

describe('brand kits in scripts no bundled font prints', () => {
  it('are refused field by field, naming each field and the supported scripts', () => {
    let error: unknown;
    try {
      parseBrandKit({
        ...riverside,
        practice: { ...riverside.practice, name: '東京クリニック', address: '서울 중구 1' },
        footerNote: 'ok',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrandKitError);
    expect((error as BrandKitError).issues).toEqual([
      {
        field: 'practice.name',
        message:
          'uses Chinese (Han), Japanese kana (such as "東"), which the bundled fonts cannot print; supported scripts are Latin, Greek, Cyrillic, Arabic and Hebrew, plus digits, punctuation and emoji. Write it in one of those (a romanised name, for example).',
      },
      {
        field: 'practice.address',
        message: expect.stringMatching(/^uses Korean \(Hangul\) \(such as "서"\)/),
      },
    ]);
  });

  it('are refused in the footer note and phone fields too', () => {
    for (const kit of [
      { ...riverside, footerNote: '谢谢' },
      { ...riverside, practice: { ...riverside.practice, phone: '电话 555' } },
    ]) {
      expect(() => parseBrandKit(kit)).toThrow(/which the bundled fonts cannot print/);
    }
  });
});

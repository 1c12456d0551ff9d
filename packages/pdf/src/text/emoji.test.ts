import { describe, expect, it } from 'vitest';
import { EMOJI_SEPARATOR, prepareEmoji } from './emoji.js';
import { glyphCoverage } from './glyph-coverage.js';
import { sanitiseText } from './sanitise.js';

const prepare = (text: string) => prepareEmoji(sanitiseText(text), glyphCoverage('inter'));
const ZWNJ = EMOJI_SEPARATOR;

describe('prepareEmoji', () => {
  it('separates adjacent emoji so each starts its own emoji-font run', () => {
    expect(prepare('🌿🌿 ok')).toEqual({ text: `🌿${ZWNJ}🌿 ok`, simplified: [] });
    // Text-default pictographs (⚕ without its variation selector) count too.
    expect(prepare('🌿⚕').text).toBe(`🌿${ZWNJ}⚕`);
  });

  it('leaves emoji next to letters, spaces or punctuation alone', () => {
    expect(prepare('Hi 🌿, ok🌿!')).toEqual({ text: 'Hi 🌿, ok🌿!', simplified: [] });
  });

  it('draws a ZWJ sequence as its first emoji and reports it', () => {
    expect(prepare('🌿👩‍⚕️ Clinic')).toEqual({
      text: `🌿${ZWNJ}👩 Clinic`,
      simplified: [{ sequence: '👩\u200D⚕', drawn: '👩' }],
    });
  });

  it('keeps flags and skin tones the emoji font draws as one glyph', () => {
    expect(prepare('🇺🇸👍🏽')).toEqual({ text: `🇺🇸${ZWNJ}👍🏽`, simplified: [] });
  });

  it('draws a keycap the emoji font cannot take whole as its digit', () => {
    expect(prepare('Call 1️⃣')).toEqual({
      text: 'Call 1',
      simplified: [{ sequence: '1\u20E3', drawn: '1' }],
    });
  });
});

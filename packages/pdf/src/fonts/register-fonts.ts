import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { LRUCache } from 'lru-cache';
import type { TypefaceId } from '../brand/typefaces.js';
import { allFontFiles, type FontFile, fontStack, SCRIPT_FAMILIES } from './font-catalogue.js';
import { memoisingAllowed } from '../text/private-text.js';
import { woffToSfnt } from './woff-to-sfnt.js';

const require = createRequire(import.meta.url);
const sfntCache = new Map<string, Uint8Array>();
const dataUrlCache = new Map<string, string>();
const registeredFamilies = new Set<string>();

/** Reads a bundled `.woff` font (resolved from its @fontsource dependency) as sfnt bytes, once per process. */
export function fontBytes(specifier: string): Uint8Array {
  let bytes = sfntCache.get(specifier);
  if (!bytes) {
    let path: string;
    try {
      path = require.resolve(specifier);
    } catch (cause) {
      throw new Error(`Bundled font ${specifier} is missing; reinstall @groundwork/pdf`, { cause });
    }
    bytes = woffToSfnt(new Uint8Array(readFileSync(path)));
    sfntCache.set(specifier, bytes);
  }
  return bytes;
}

function dataUrl(specifier: string): string {
  let url = dataUrlCache.get(specifier);
  if (!url) {
    url = `data:font/ttf;base64,${Buffer.from(fontBytes(specifier)).toString('base64')}`;
    dataUrlCache.set(specifier, url);
  }
  return url;
}

/**
 * Registers the fonts a typeface's stack needs with react-pdf's font store,
 * once per process per family, and returns the stack. Each face is unpacked
 * from WOFF to sfnt once; react-pdf then keeps the parsed font for later renders.
 */
export function registerTypeface(typeface: TypefaceId): string[] {
  const stack = fontStack(typeface);
  const missing = stack.filter((family) => !registeredFamilies.has(family));
  if (missing.length > 0) {
    const files = allFontFiles();
    for (const family of missing) {
      const faces: FontFile[] = files.filter((file) => file.family === family);
      Font.register({
        family,
        fonts: faces.map((face) => ({
          src: dataUrl(face.specifier),
          fontWeight: face.weight,
          fontStyle: face.style,
        })),
      });
      registeredFamilies.add(family);
    }
  }
  return stack;
}

/** The sfnt bytes of every face in a typeface's stack at one weight and style, in stack order. */
export function stackFaces(
  typeface: TypefaceId,
  weight: 400 | 700 = 400,
  style: 'normal' | 'italic' = 'normal',
): { family: string; bytes: Uint8Array }[] {
  const files = allFontFiles();
  return fontStack(typeface).flatMap((family) => {
    const face = files.find(
      (file) => file.family === family && file.weight === weight && file.style === style,
    );
    return face ? [{ family, bytes: fontBytes(face.specifier) }] : [];
  });
}

/** fontkit's shaping call as react-pdf's textkit makes it. */
type LayoutFn = (
  text: string,
  features?: unknown,
  script?: string,
  language?: string,
  direction?: string,
) => unknown;

const fontIds = new WeakMap<object, number>();
let nextFontId = 0;
/**
 * Shaped runs shared by every render, keyed by font, features, direction and
 * text. Bounded by the characters held (a shaped character costs a few hundred
 * bytes), so memory stays flat however many documents are rendered.
 */
const shapedRuns = new LRUCache<string, object>({
  maxSize: 300_000,
  sizeCalculation: (_value, key) => Math.max(1, key.length),
});

/** fontkit metrics that are getters over the font's tables, constant for a parsed font. */
const CONSTANT_METRICS = [
  'unitsPerEm',
  'ascent',
  'descent',
  'lineGap',
  'xHeight',
  'capHeight',
  'postscriptName',
  'bbox',
] as const;

/**
 * Turns a parsed font's constant metrics into plain properties: textkit reads
 * `unitsPerEm` twice per character, and pdfkit reads them all (and builds a
 * new bounding box) for every text run it draws. The name table's records get
 * a `toJSON` that returns a digest of their JSON, so pdfkit's check that two
 * fonts are the same (it serialises both name tables, for every run) compares
 * the same content without serialising kilobytes of licence text each time.
 */
function pinMetrics(
  font: object,
  overrides: Partial<Record<'ascent' | 'descent', number>> = {},
): void {
  const fields = font as Record<string, unknown>;
  for (const key of CONSTANT_METRICS) {
    if (!(key in font)) continue;
    // Already pinned (by prepareFallbackFaces, or an earlier call): keep it.
    if (Object.hasOwn(font, key)) continue;
    if (key === 'ascent' || key === 'descent') {
      const override = overrides[key];
      if (override !== undefined) {
        Object.defineProperty(font, key, { value: override, enumerable: false });
        continue;
      }
    }
    Object.defineProperty(font, key, { value: fields[key], enumerable: false });
  }
  const records = (fields.name as { records?: object } | undefined)?.records;
  if (records && typeof records === 'object' && !('toJSON' in records)) {
    const digest = createHash('sha256').update(JSON.stringify(records)).digest('hex');
    Object.defineProperty(records, 'toJSON', { value: () => digest, enumerable: false });
  }
}

/**
 * The band, in em, that a fallback face's ascent + descent is centred on.
 * Noto Sans Arabic declares 1.374 em above and 0.738 em below the baseline
 * (room for stacked marks); textkit puts a line's baseline at its tallest
 * run's ascent but keeps the line box at the fixed lineHeight, so one Arabic
 * word pushed the baseline down and the text into the next line. Like CSS
 * half-leading, the extra extent is split evenly above and below instead.
 */
export const FALLBACK_LINE_EM = 1.2;

/** A face's ascent and descent (font units) with any extent over {@link FALLBACK_LINE_EM} trimmed evenly from both. */
export function centredMetrics(font: { unitsPerEm: number; ascent: number; descent: number }): {
  ascent: number;
  descent: number;
} {
  const extent = font.ascent - font.descent;
  const band = FALLBACK_LINE_EM * font.unitsPerEm;
  if (extent <= band) return { ascent: font.ascent, descent: font.descent };
  const trim = (extent - band) / 2;
  return { ascent: font.ascent - trim, descent: font.descent + trim };
}

const preparedFallbacks = new Set<object>();

/**
 * Loads the registered fallback script faces (Arabic, Hebrew, emoji) once per
 * process and gives them {@link centredMetrics} before react-pdf lays out with
 * them. Call after the typeface is registered and before every layout (cheap
 * once done).
 */
export async function prepareFallbackFaces(): Promise<void> {
  const registered = Font.getRegisteredFonts();
  for (const family of SCRIPT_FAMILIES) {
    for (const source of registered[family]?.sources ?? []) {
      if (source.data && preparedFallbacks.has(source.data)) continue;
      await source.load();
      const font: unknown = source.data;
      if (!font || typeof font !== 'object' || preparedFallbacks.has(font)) continue;
      const metrics = font as { unitsPerEm?: unknown; ascent?: unknown; descent?: unknown };
      if (
        typeof metrics.unitsPerEm === 'number' &&
        typeof metrics.ascent === 'number' &&
        typeof metrics.descent === 'number'
      ) {
        pinMetrics(
          font,
          centredMetrics({
            unitsPerEm: metrics.unitsPerEm,
            ascent: metrics.ascent,
            descent: metrics.descent,
          }),
        );
      }
      preparedFallbacks.add(font);
    }
  }
}

/** Wraps a parsed fontkit font's `layout` so the same run is shaped once per process, not once per render. */
function memoiseLayout(font: { layout: LayoutFn }): void {
  if (fontIds.has(font)) return;
  const id = nextFontId++;
  fontIds.set(font, id);
  pinMetrics(font);
  const shape = font.layout.bind(font);
  font.layout = (text, features, script, language, direction) => {
    const key = `${id}\u0000${features === undefined ? '' : JSON.stringify(features)}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${direction ?? ''}\u0000${text}`;
    let run = shapedRuns.get(key);
    if (!run) {
      // fontkit writes every feature it applies into the features object it is
      // given; textkit shares one object between a text's runs, so shaping a
      // copy keeps the next run's key (and its cached shape) the same.
      const own =
        features && typeof features === 'object' && !Array.isArray(features)
          ? { ...features }
          : features;
      run = shape(text, own, script, language, direction) as object;
      // Text of a render with patient details is never kept (see private-text.ts).
      if (memoisingAllowed()) shapedRuns.set(key, run);
    }
    return run;
  };
}

/**
 * Makes text shaping in every parsed face of a typeface's stack reuse earlier
 * results: react-pdf shapes each text run with fontkit on every layout, and
 * shaping (kerning, ligatures) is a large part of a render's text cost.
 * textkit copies the positions it changes, so a shared run is never mutated.
 * Faces react-pdf has not parsed yet are left alone (call again after a render).
 */
export function memoiseShaping(typeface: TypefaceId): void {
  const families = Font.getRegisteredFonts();
  for (const family of registerTypeface(typeface)) {
    for (const source of families[family]?.sources ?? []) {
      const font: unknown = source.data;
      if (font && typeof font === 'object' && 'layout' in font && typeof font.layout === 'function')
        memoiseLayout(font as { layout: LayoutFn });
    }
  }
}

/** Whether any run the shaping memo holds contains `text` (for tests). */
export function shapingMemoMentions(text: string): boolean {
  for (const key of shapedRuns.keys()) if (key.includes(text)) return true;
  return false;
}

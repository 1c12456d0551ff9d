import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import type { TypefaceId } from '../brand/typefaces.js';
import { allFontFiles, type FontFile, fontStack } from './font-catalogue.js';
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

// Property tests over hostile input: brand kits with any Unicode in every text
// field up to its limit, and PNG/JPEG logos with bytes flipped, inserted or
// cut (with PNG checksums recomputed, so the mutation reaches the decoder).
// The documented outcomes (README, "Errors"): a valid PDF, or a BrandKitError
// whose issues name known fields, or a RenderError; and from the CLI, exit 0
// or 1 (bad input) or 3 (renderer failure), never a crash. Parsing runs many
// cases; rendering, which takes a few hundred ms each, runs few, so the file
// stays within about 20 s on a 2-core CI machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BrandKitError,
  type BrandKitInput,
  parseBrandKit,
  RenderError,
  renderHandout,
} from '@groundwork/pdf';
import { decode as decodePng, encode as encodePng } from 'fast-png';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeJpeg, riverside } from '../test/fixtures.js';
import { runCli } from './cli/run-cli.js';

const FIELDS = new Set([
  'practice.name',
  'practice.address',
  'practice.phone',
  'practice.emergencyPhone',
  'practice.website',
  'practice.email',
  'footerNote',
  'logo',
]);

/**
 * Any code point (lone surrogates included), up to `max` of them; half the
 * time drawn from the scripts the fonts print, plus emoji, combining marks,
 * controls and bidi and zero-width characters, so many kits parse and reach
 * layout (random code points are mostly CJK and other refused scripts).
 */
const PRINTABLE_RANGES: [number, number][] = [
  [0x00, 0x24f], // controls, Latin, Latin Extended
  [0x300, 0x36f], // combining marks
  [0x370, 0x4ff], // Greek, Cyrillic
  [0x590, 0x6ff], // Hebrew, Arabic
  [0x2000, 0x206f], // spaces, joiners, bidi controls, punctuation
  [0x1f300, 0x1faff], // emoji
];
const printableCharacter = fc
  .oneof(...PRINTABLE_RANGES.map(([min, max]) => fc.integer({ min, max })))
  .map((codePoint) => String.fromCodePoint(codePoint));
const anyText = (max: number, minLength = 0) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: max }) },
    { weight: 3, arbitrary: fc.string({ unit: printableCharacter, minLength, maxLength: max }) },
  );

const brandKitArbitrary: fc.Arbitrary<BrandKitInput> = fc
  .record({
    name: anyText(120, 1),
    address: anyText(300),
    phone: anyText(40),
    emergencyPhone: anyText(40),
    website: fc.oneof(
      { weight: 3, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
      { weight: 1, arbitrary: anyText(200) },
    ),
    // fast-check's addresses are RFC-valid but often not what a form accepts.
    email: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(undefined, 'care@riverside.example') },
      { weight: 1, arbitrary: fc.emailAddress() },
      { weight: 1, arbitrary: anyText(60) },
    ),
    footerNote: anyText(300),
  })
  .map(({ footerNote, ...practice }) => ({ ...riverside, practice, footerNote }));

/** Recomputes every whole chunk's CRC, so a mutated PNG gets past the checksum check to the decoder. */
function fixPngChecksums(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let offset = 8; offset + 12 <= out.length; ) {
    const length = view.getUint32(offset);
    if (offset + 12 + length > out.length) break;
    view.setUint32(offset + 8 + length, crc32(out.subarray(offset + 4, offset + 8 + length)));
    offset += 12 + length;
  }
  return out;
}

let crcTable: number[] | undefined;
function crc32(bytes: Uint8Array): number {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const width = 24;
const height = 12;
const seedPngs = [
  encodePng({
    width,
    height,
    data: new Uint8Array(width * height * 4).map((_, index) => (index * 37) % 256),
    channels: 4,
    depth: 8,
  }),
  encodePng(
    {
      width,
      height,
      data: new Uint16Array(width * height * 3).map((_, index) => (index * 977) % 65536),
      channels: 3,
      depth: 16,
    },
    { interlace: 'Adam7' },
  ),
  encodePng({
    width,
    height,
    data: new Uint8Array(width * height).map((_, index) => index % 3),
    channels: 1,
    depth: 8,
    palette: [
      [26, 77, 143],
      [46, 125, 107],
      [255, 255, 255],
    ],
  }),
];
const seedJpeg = makeJpeg(width, height);

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'cut'; at: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = new Uint8Array(bytes);
  for (const mutation of mutations) {
    // Past the signature, so the format is still sniffed and the decoders get to run.
    const at = 8 + (mutation.at % Math.max(1, out.length - 8));
    if (mutation.kind === 'flip') out[at] = mutation.value;
    else if (mutation.kind === 'cut') out = out.slice(0, at);
    else out = new Uint8Array([...out.subarray(0, at), ...mutation.bytes, ...out.subarray(at)]);
  }
  return out;
}

const logoArbitrary = fc
  .record({
    seed: fc.integer({ min: 0, max: seedPngs.length }),
    mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
    fixChecksums: fc.boolean(),
  })
  .map(({ seed, mutations, fixChecksums }) => {
    const png = seedPngs[seed];
    if (!png) return mutate(seedJpeg, mutations);
    const mutated = mutate(png, mutations);
    return fixChecksums ? fixPngChecksums(mutated) : mutated;
  });

/** A rejected kit names only known fields, each with a message. */
function expectDocumentedBrandKitError(error: unknown) {
  expect(error).toBeInstanceOf(BrandKitError);
  const { issues } = error as BrandKitError;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(FIELDS.has(issue.field) || issue.field.startsWith('practice.'), issue.field).toBe(true);
    expect(issue.message.length).toBeGreaterThan(5);
  }
}

function expectValidPdf(bytes: Uint8Array) {
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const file = join(mkdtempSync(join(tmpdir(), 'fuzz-')), 'out.pdf');
  writeFileSync(file, bytes);
  // qpdf --check exits non-zero (and execFileSync throws) for a damaged file.
  execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
}

async function renderOutcome(brandKit: BrandKitInput) {
  try {
    expectValidPdf(await renderHandout({ document: 'preparing-for-your-session', brandKit }));
    return 'pdf';
  } catch (error) {
    if (error instanceof BrandKitError) {
      expectDocumentedBrandKitError(error);
      return 'brand-kit-error';
    }
    expect(error).toBeInstanceOf(RenderError);
    return 'render-error';
  }
}

describe('fuzz: brand kits', () => {
  it('parses any Unicode in every text field, or names each bad field', () => {
    fc.assert(
      fc.property(brandKitArbitrary, (kit) => {
        try {
          const parsed = parseBrandKit(kit);
          expect(parsed.practice.name.length).toBeGreaterThan(0);
          expect(parsed.practice.name.length).toBeLessThanOrEqual(120);
        } catch (error) {
          expectDocumentedBrandKitError(error);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renders a valid PDF for any kit that parses, or fails with a documented error', async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(brandKitArbitrary, async (kit) => {
        outcomes.push(await renderOutcome(kit));
      }),
      { numRuns: 20 },
    );
    // Not all rejected at parse: some kits reached layout.
    expect(outcomes).toContain('pdf');
  }, 120_000);
});

describe('fuzz: mutated PNG and JPEG logos', () => {
  it('accepts a mutated logo only if it decodes completely, as plain 8-bit PNG or the JPEG itself', () => {
    let accepted = 0;
    fc.assert(
      fc.property(logoArbitrary, (logo) => {
        let kit: ReturnType<typeof parseBrandKit>;
        try {
          kit = parseBrandKit({ ...riverside, logo });
        } catch (error) {
          expectDocumentedBrandKitError(error);
          expect((error as BrandKitError).issues.map((issue) => issue.field)).toEqual(['logo']);
          return;
        }
        accepted++;
        const bytes = kit.logo?.bytes ?? new Uint8Array();
        if (kit.logo?.format === 'png') {
          const png = decodePng(bytes);
          expect(png.depth).toBe(8);
          expect([3, 4]).toContain(png.channels);
          expect(bytes[28], 'not interlaced').toBe(0);
        } else {
          expect(bytes).toEqual(logo);
        }
      }),
      { numRuns: 400 },
    );
    // Some mutations (a flipped pixel with checksums fixed) still decode.
    expect(accepted).toBeGreaterThan(0);
  });

  it('renders each accepted mutated logo into a valid PDF', async () => {
    const accepted = fc
      .sample(logoArbitrary, { numRuns: 400, seed: 14 })
      .filter((logo) => {
        try {
          parseBrandKit({ ...riverside, logo });
          return true;
        } catch {
          return false;
        }
      })
      .slice(0, 4);
    expect(accepted.length).toBeGreaterThan(0);
    for (const logo of accepted) expect(await renderOutcome({ ...riverside, logo })).toBe('pdf');
  }, 120_000);
});

describe('fuzz: CLI exit codes', () => {
  it('exits 0 with a PDF, or 1 naming the bad field, for any brand.json; never crashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: brandKitArbitrary.map((kit) => kit as unknown) },
          { weight: 1, arbitrary: fc.jsonValue() },
          {
            weight: 1,
            arbitrary: logoArbitrary.map((logo) => ({
              ...riverside,
              logo: `data:image/png;base64,${Buffer.from(logo).toString('base64')}`,
            })),
          },
        ),
        async (brand) => {
          writeFileSync(join(dir, 'brand.json'), JSON.stringify(brand));
          let stderr = '';
          const code = await runCli(
            ['handout', 'preparing-for-your-session', '--brand', 'brand.json', '--out', 'out.pdf'],
            {
              stdout: () => {},
              stderr: (text) => {
                stderr += text;
              },
              cwd: dir,
            },
          );
          expect([0, 1, 3], stderr).toContain(code);
          if (code === 0) expectValidPdf(new Uint8Array(readFileSync(join(dir, 'out.pdf'))));
          if (code === 1) expect(stderr).toMatch(/^groundwork-pdf: Invalid brand kit:\n\S+: /);
          if (code === 3) expect(stderr).toMatch(/^groundwork-pdf: Could not render /);
          expect(stderr).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

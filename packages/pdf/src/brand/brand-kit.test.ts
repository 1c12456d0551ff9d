import {
  BrandKitError,
  BrandKitSchema,
  BrandKitStrictSchema,
  brandKitIssues,
  parseBrandKit,
  TYPEFACES,
} from '@groundwork/pdf/brand';
import { describe, expect, it } from 'vitest';
import { makePng, riverside } from '../../test/fixtures.js';

describe('BrandKitSchema', () => {
  it('parses a full brand kit and fills defaults', () => {
    const kit = parseBrandKit({ practice: { name: '  Riverside  Clinic ' } });
    expect(kit.practice.name).toBe('Riverside Clinic');
    expect(kit.typeface).toBe('inter');
    expect(kit.colours).toEqual({ primary: '#1F4E79', accent: '#2E7D6B' });
  });

  it('accepts a logo as bytes or as a base64 data URL and records its size', () => {
    const png = makePng(90, 30);
    const fromBytes = parseBrandKit({ ...riverside, logo: png });
    const fromDataUrl = parseBrandKit({
      ...riverside,
      logo: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    });
    expect(fromBytes.logo).toMatchObject({ format: 'png', width: 90, height: 30 });
    expect(fromDataUrl.logo).toEqual(fromBytes.logo);
  });

  it('names every bad field in one error', () => {
    const error = (() => {
      try {
        parseBrandKit({
          practice: { name: '', website: 'javascript:alert(1)' },
          colours: { primary: 'navy' },
          typeface: 'comic-sans',
          logo: 'not base64!',
        });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/practice\.name: must contain at least one visible character/);
    expect(error?.message).toMatch(/practice\.website: must start with http:\/\/ or https:\/\//);
    expect(error?.message).toMatch(/colours\.primary: must be a hex colour/);
    expect(error?.message).toMatch(/typeface: /);
    expect(error?.message).toMatch(/logo: The logo text is not valid base64/);
  });

  it('accepts only http and https websites', () => {
    expect(
      BrandKitSchema.safeParse({ practice: { name: 'A', website: 'ftp://a.example' } }).success,
    ).toBe(false);
    expect(
      BrandKitSchema.safeParse({ practice: { name: 'A', website: 'http://a.example/path' } })
        .success,
    ).toBe(true);
  });

  it.each([
    'http://user:pass@riverside.example',
    'https://admin@riverside.example/',
    'https://:secret@riverside.example',
    'HTTPS://user:p%40ss@riverside.example:8443/path',
  ])('rejects credentials in the website %s, naming practice.website', (website) => {
    let error: unknown;
    try {
      parseBrandKit({ practice: { name: 'A', website } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrandKitError);
    expect((error as BrandKitError).issues).toEqual([
      {
        field: 'practice.website',
        message:
          'must not contain a user name or password (user:password@): the address is printed on every document',
      },
    ]);
    // The secret is not repeated in the message.
    const userInfo = website.slice(website.indexOf('//') + 2, website.indexOf('@') + 1);
    expect((error as Error).message).not.toContain(userInfo);
  });

  it('accepts an @ in the path of a website', () => {
    expect(
      parseBrandKit({ practice: { name: 'A', website: 'https://social.example/@riverside' } })
        .practice.website,
    ).toBe('https://social.example/@riverside');
  });

  it('removes invisible and control characters from text fields', () => {
    const kit = parseBrandKit({
      practice: { name: 'Clínica\u202E del\u0000 Río\u200B', phone: '555\t0100' },
    });
    expect(kit.practice.name).toBe('Clínica del Río');
    expect(kit.practice.phone).toBe('555 0100');
  });

  it('offers the three bundled typefaces', () => {
    expect(TYPEFACES.map((typeface) => typeface.name)).toEqual([
      'Inter',
      'Source Serif 4',
      'Atkinson Hyperlegible',
    ]);
  });
});

describe('colour contrast policy', () => {
  const light = { ...riverside, colours: { primary: '#FFCC00', accent: '#2E7D6B' } };

  it('keeps a light colour by default and reports the darker shade text will use', () => {
    const kit = parseBrandKit(light);
    expect(kit.colours.primary).toBe('#FFCC00');
    const [issue, ...rest] = brandKitIssues(kit);
    expect(rest).toEqual([]);
    expect(issue?.field).toBe('colours.primary');
    expect(issue?.message).toMatch(
      /1\.\d\d:1 against white paper.*Until then, text uses #[0-9A-F]{6}/,
    );
  });

  it('rejects a light colour in strict mode, saying why and what would pass', () => {
    const result = BrandKitStrictSchema.safeParse(light);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['colours', 'primary']);
    expect(result.error?.issues[0]?.message).toMatch(
      /needs at least 4\.5:1 \(WCAG AA\).*Try #[0-9A-F]{6}/,
    );
    expect(() => parseBrandKit(light, { contrast: 'reject' })).toThrow(/colours\.primary/);
  });
});

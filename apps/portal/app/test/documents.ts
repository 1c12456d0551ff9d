import sharp from 'sharp';
import { TEST_ORIGIN } from './requests';

/** A multipart form POST like a browser sends for a form with a file input. */
export function multipartRequest(
  path: string,
  fields: Record<string, string | Blob>,
  { cookie }: { cookie?: string } = {},
): Request {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Blob) body.append(name, value, name === 'logo' ? 'logo.png' : name);
    else body.append(name, value);
  }
  const headers: Record<string, string> = { Origin: TEST_ORIGIN };
  if (cookie) headers.Cookie = cookie;
  return new Request(new URL(path, TEST_ORIGIN), { method: 'POST', headers, body });
}

/** A small PNG logo made with sharp. */
export async function pngLogo(width = 400, height = 160): Promise<Blob> {
  const bytes = await sharp({
    create: { width, height, channels: 4, background: { r: 31, g: 78, b: 121, alpha: 1 } },
  })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: 'image/png' });
}

/** The brand-kit form fields with valid values, to override per test. */
export function brandFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    primaryColor: '#1F4E79',
    accentColor: '#2E7D6B',
    typeface: 'atkinson-hyperlegible',
    address: '12 River Road, Portland, OR 97201',
    phone: '(503) 555-0142',
    emergencyPhone: '(503) 555-0199',
    website: 'https://riverside.example.org',
    footerNote: 'Questions? Call us on weekdays 8–5.',
    ...overrides,
  };
}

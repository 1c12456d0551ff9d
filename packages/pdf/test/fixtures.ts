import { deflateSync } from 'node:zlib';
import { encode as encodeJpeg } from 'jpeg-js';
import { type BrandKitInput, type ChecklistReportInput, checklistProgress } from '@groundwork/pdf';

/** A brand kit like a real practice's, with every field set. */
export const riverside: BrandKitInput = {
  practice: {
    name: 'Riverside Ketamine Clinic',
    phone: '(555) 010-2000',
    emergencyPhone: '(555) 010-2999',
    address: '12 River Road, Springfield, IL 62701',
    website: 'https://riverside.example',
    email: 'care@riverside.example',
  },
  colours: { primary: '#1A4D8F', accent: '#2E7D6B' },
  typeface: 'inter',
  footerNote: 'Questions about your care? Call us on weekdays.',
};

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

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A real RGB PNG of the given size (a two-colour diagonal), built byte by byte. */
export function makePng(
  width: number,
  height: number,
  {
    declaredWidth = width,
    declaredHeight = height,
    imageData,
  }: { declaredWidth?: number; declaredHeight?: number; imageData?: Uint8Array } = {},
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, declaredWidth);
  view.setUint32(4, declaredHeight);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const dark = x > y;
      raw.set(dark ? [26, 77, 143] : [46, 125, 107], row + 1 + x * 3);
    }
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', imageData ?? new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  return concat(parts);
}

/**
 * A PNG with checksums that are all valid around the given filtered scanlines
 * (each row: its filter-type byte, then its samples), so only the pixel data
 * can be wrong: the way to craft a bad row filter or a short image.
 */
export function makeRawPng({
  width,
  height,
  colourType = 6,
  depth = 8,
  scanlines,
  compressed,
  chunks = [],
}: {
  width: number;
  height: number;
  colourType?: number;
  depth?: number;
  scanlines?: Uint8Array;
  /** The IDAT payload as is, instead of `scanlines` deflated. */
  compressed?: Uint8Array;
  /** Chunks to put between IHDR and IDAT (PLTE, tRNS), as [type, data]. */
  chunks?: [string, Uint8Array][];
}): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([depth, colourType, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...chunks.map(([type, data]) => chunk(type, data)),
    chunk('IDAT', compressed ?? new Uint8Array(deflateSync(scanlines ?? new Uint8Array()))),
    chunk('IEND', new Uint8Array()),
  ];
  return concat(parts);
}

/** The crash of issue 14: a 1x1 RGBA PNG, every checksum valid, whose one row uses filter type 7. */
export const BAD_FILTER_PNG = makeRawPng({
  width: 1,
  height: 1,
  scanlines: new Uint8Array([7, 26, 77, 143, 255]),
});

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A real baseline JPEG of the given size (a two-colour diagonal), encoded with jpeg-js. */
export function makeJpeg(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set(x > y ? [26, 77, 143, 255] : [46, 125, 107, 255], (y * width + x) * 4);
    }
  }
  return new Uint8Array(encodeJpeg({ width, height, data }, 90).data);
}

/** Minimal JPEG header bytes: SOI, an SOF0 frame header of the given size, SOS, and EOI. */
export function makeJpegHeader(width: number, height: number, { withEnd = true } = {}): Uint8Array {
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  const sos = [0xff, 0xda, 0x00, 0x0c, 0x03, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0];
  return new Uint8Array([0xff, 0xd8, ...sof, ...sos, 0x12, 0x34, ...(withEnd ? [0xff, 0xd9] : [])]);
}

const items: ChecklistReportInput['items'] = [
  {
    id: 'dea',
    section: 'licensing',
    title: 'Register each site with the DEA',
    status: 'done',
    assignee: 'Dr Lee',
    dueDate: '2026-12-01',
  },
  {
    id: 'state',
    section: 'licensing',
    title: 'Confirm state licences',
    status: 'in-progress',
    assignee: 'Sam Ortiz',
  },
  {
    id: 'rems',
    section: 'licensing',
    title: 'Enrol in the Spravato REMS',
    status: 'not-applicable',
    reason: 'We do not offer esketamine.',
  },
  {
    id: 'crash-cart',
    section: 'emergency',
    title: 'Stock the emergency cart',
    status: 'to-do',
    dueDate: '2027-01-15',
  },
];

/** A checklist report with every status, as the portal would build it. */
export const report: ChecklistReportInput = {
  practiceName: 'Riverside Ketamine Clinic',
  generatedAt: '2026-11-21T18:30:00Z',
  template: {
    id: 'onboarding-checklist',
    version: '1.0.0',
    title: 'Practice onboarding checklist',
  },
  overall: checklistProgress(items),
  sections: [
    {
      id: 'licensing',
      title: 'Licensing and registration',
      progress: checklistProgress(items.slice(0, 3)),
    },
    { id: 'emergency', title: 'Emergency readiness', progress: checklistProgress(items.slice(3)) },
  ],
  items,
};

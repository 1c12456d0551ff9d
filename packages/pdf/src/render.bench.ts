// `pnpm bench`: react-pdf renders against plain pdfkit, tagged against
// untagged output, the guide, the render cache and memory over many renders. Figures are printed, never asserted.
import { type Document, fill, listDocuments, placeholdersIn, plainText } from '@groundwork/content';
import {
  createRenderCache,
  renderChecklistReport,
  renderGuide,
  renderHandout,
} from '@groundwork/pdf';
import os from 'node:os';
import PDFDocument from 'pdfkit';
import { afterAll, bench, describe } from 'vitest';
import { report, riverside } from '../test/fixtures.js';
import { fontBytes } from './fonts/register-fonts.js';

const INTER_REGULAR = '@fontsource/inter/files/inter-latin-400-normal.woff';
const INTER_BOLD = '@fontsource/inter/files/inter-latin-700-normal.woff';
const handouts = listDocuments({ kind: 'handout', locale: 'en' });
const figures: string[] = [];

/** The same handout text in the same font (Inter, unpacked the same way), laid out by pdfkit alone. */
function renderWithPdfkit(document: Document): Promise<Uint8Array> {
  const values = Object.fromEntries(
    placeholdersIn(document).map((name) => [name, 'Riverside Ketamine Clinic']),
  );
  const filled = fill(document, values);
  const pdf = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 74, left: 58, right: 58 },
    info: { Title: document.title, Author: 'Riverside Ketamine Clinic' },
  });
  const chunks: Uint8Array[] = [];
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );
  pdf.registerFont('regular', Buffer.from(fontBytes(INTER_REGULAR)));
  pdf.registerFont('bold', Buffer.from(fontBytes(INTER_BOLD)));
  pdf.font('bold').fontSize(24).fillColor('#1A4D8F').text(filled.title);
  pdf.font('regular').fontSize(11.5).fillColor('#4B5563').text(filled.summary, { lineGap: 4 });
  for (const section of filled.sections) {
    if (section.title)
      pdf.moveDown(0.6).font('bold').fontSize(15.5).fillColor('#1A4D8F').text(section.title);
    for (const block of section.blocks) {
      const text = plainText(block);
      if (text)
        pdf
          .font('regular')
          .fontSize(10.5)
          .fillColor('#1B1F24')
          .text(text, { lineGap: 4.7, paragraphGap: 7 });
    }
  }
  pdf
    .font('regular')
    .fontSize(8.5)
    .text(`Version ${filled.version} · ${filled.reviewedAt} · ${filled.reviewer}`);
  pdf.text(filled.disclaimer);
  pdf.end();
  return done;
}

const ms = (start: number) => performance.now() - start;
const cpu = new Map<string, { total: number; runs: number }>();

/** Runs `task`, adding its CPU time (user + system, all threads) to `label`'s tally. */
async function timed(label: string, task: () => Promise<unknown>): Promise<void> {
  const before = process.cpuUsage();
  await task();
  const used = process.cpuUsage(before);
  const tally = cpu.get(label) ?? { total: 0, runs: 0 };
  cpu.set(label, { total: tally.total + (used.user + used.system) / 1000, runs: tally.runs + 1 });
}
const meanCpu = (label: string) => {
  const tally = cpu.get(label);
  return tally ? tally.total / tally.runs : Number.NaN;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// Warm both renderers on every handout first, so the figures compare steady
// state (what a server sees after its first few renders), not V8 warming up
// react-pdf's much larger code path during the first handout's iterations.
const WARM_ROUNDS = Number(process.env.GW_BENCH_WARM_ROUNDS ?? 6);
for (let round = 0; round < WARM_ROUNDS; round++) {
  for (const handout of handouts) {
    await renderHandout({ document: handout, brandKit: riverside });
    await renderHandout({ document: handout, brandKit: riverside, tagged: false });
    await renderWithPdfkit(handout);
  }
}

/** Handouts timed tagged and untagged: the shortest and the one with a table over a page break. */
const TAGGING_HANDOUTS = ['preparing-for-your-session', 'is-ketamine-therapy-right-for-me'];

for (const handout of handouts) {
  describe(`handout ${handout.id}`, () => {
    bench(
      'react-pdf (@groundwork/pdf, Inter)',
      async () => {
        await timed(`react-pdf ${handout.id}`, () =>
          renderHandout({ document: handout, brandKit: riverside }),
        );
      },
      { iterations: 12, time: 0, warmupIterations: 2 },
    );
    bench(
      'pdfkit alone (same text, Inter)',
      async () => {
        await timed(`pdfkit ${handout.id}`, () => renderWithPdfkit(handout));
      },
      { iterations: 12, time: 0, warmupIterations: 2 },
    );
  });
}

// Tagged and untagged renders alternate inside each iteration, so both see
// the same machine load and collector state (run one after the other, the
// second bench inherited the first's garbage and the figures drifted).
/** Renders tagged then untagged, each timed under its own label. */
async function taggedThenUntagged(
  id: string,
  render: (tagged: boolean) => Promise<unknown>,
): Promise<void> {
  await timed(`tagged ${id}`, () => render(true));
  await timed(`untagged ${id}`, () => render(false));
}

describe('tagged vs untagged, alternating', () => {
  for (const id of TAGGING_HANDOUTS) {
    bench(
      `handout ${id}`,
      async () => {
        await taggedThenUntagged(id, (tagged) =>
          renderHandout({ document: id, brandKit: riverside, tagged }),
        );
      },
      { iterations: 12, time: 0, warmupIterations: 2 },
    );
  }
  bench(
    'guide',
    async () => {
      await taggedThenUntagged('guide', (tagged) => renderGuide({ tagged }));
    },
    { iterations: 6, time: 0, warmupIterations: 1 },
  );
});

describe('guide with real contents page numbers', () => {
  bench(
    'renderGuide (warm, cache off)',
    async () => {
      await timed('guide', () => renderGuide());
    },
    { iterations: 4, time: 0, warmupIterations: 1 },
  );
});

// One cache for the cache and memory benches, as a server would keep.
const cache = createRenderCache();

describe('render cache', () => {
  bench(
    'repeat of a cached handout',
    async () => {
      await renderHandout({ document: 'preparing-for-your-session', brandKit: riverside, cache });
    },
    { time: 300, warmupIterations: 2 },
  );
  bench(
    'repeat of the cached guide',
    async () => {
      await renderGuide({ cache });
    },
    { time: 300, warmupIterations: 2 },
  );
});

describe('memory', () => {
  bench(
    '1,000 renders (RSS printed below)',
    async () => {
      const count = Number(process.env.GW_BENCH_RENDERS ?? 1000);
      cache.clear();
      global.gc?.();
      const start = process.memoryUsage().rss;
      const began = performance.now();
      let peak = start;
      // A sample every 100 renders: a leak climbs through them, a heap that
      // grows until the collector catches up levels off.
      const samples: number[] = [];
      for (let index = 0; index < count; index++) {
        // Distinct reports so every render is a real one; the cache keeps at most its bound.
        await renderChecklistReport({
          report: { ...report, practiceName: `Riverside ${index}` },
          brandKit: riverside,
          cache,
        });
        if (index % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        if ((index + 1) % 100 === 0) samples.push(process.memoryUsage().rss);
      }
      const end = process.memoryUsage().rss;
      const held = cache.stats();
      figures.push(
        `${count} checklist-report renders in ${(ms(began) / 1000).toFixed(1)} s: RSS ${mb(start)} at start, ${mb(end)} at end (peak ${mb(peak)}); every 100 renders: ${samples.map(mb).join(' → ')}; cache holds ${held.entries} PDFs, ${mb(held.bytes)}`,
      );
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});

afterAll(() => {
  for (const handout of handouts) {
    // Skipped when a filter (-t) ran only some benchmarks.
    if (!cpu.has(`react-pdf ${handout.id}`) || !cpu.has(`pdfkit ${handout.id}`)) continue;
    const ours = meanCpu(`react-pdf ${handout.id}`);
    const baseline = meanCpu(`pdfkit ${handout.id}`);
    figures.push(
      `${handout.id}: mean CPU ${ours.toFixed(0)} ms with react-pdf vs ${baseline.toFixed(0)} ms with pdfkit alone (${(ours / baseline).toFixed(2)}x)`,
    );
  }
  for (const id of [...TAGGING_HANDOUTS, 'guide']) {
    if (!cpu.has(`tagged ${id}`) || !cpu.has(`untagged ${id}`)) continue;
    const tagged = meanCpu(`tagged ${id}`);
    const untagged = meanCpu(`untagged ${id}`);
    figures.push(
      `${id}: mean CPU ${tagged.toFixed(0)} ms tagged vs ${untagged.toFixed(0)} ms untagged (${(tagged / untagged).toFixed(2)}x)`,
    );
  }
  if (cpu.has('guide'))
    figures.push(`guide: mean CPU ${meanCpu('guide').toFixed(0)} ms per warm render (cache off)`);
  process.stdout.write(
    `\n@groundwork/pdf figures (${new Date().toISOString()}, NODE_ENV=${process.env.NODE_ENV}, ${os.cpus().length} CPUs):\n${figures.map((line) => `  ${line}`).join('\n')}\n`,
  );
});

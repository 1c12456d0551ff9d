import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from '@groundwork/content';
import { renderHandout } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';

const FDA =
  'https://www.fda.gov/news-events/press-announcements/fda-approves-new-nasal-spray-medication-treatment-resistant-depression-available-only-certified';

function pdftotext(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'address-text-')), 'out.pdf');
  writeFileSync(file, bytes);
  // -layout: plain pdftotext joins a line ending in "-" to the next and drops the hyphen.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

describe('URLs, e-mail addresses and phone numbers on paper', () => {
  it('breaks long URLs only after "/", "." (or a long slug\'s own "-"), adding no hyphen', async () => {
    const handout = getDocument('is-ketamine-therapy-right-for-me', { locale: 'en' });
    const [first, ...rest] = handout.sections;
    if (!first) throw new Error('no sections');
    const paragraph = {
      type: 'paragraph' as const,
      id: `${first.id}.90`,
      content: [
        {
          type: 'text' as const,
          value: `The FDA news release (fda-approves) is at ${FDA}; write to care@riverside.example or call (555) 010-2000.`,
        },
      ],
    };
    const website =
      'https://riverside-ketamine-clinic.example/patients/preparing-for-your-first-session';
    const text = pdftotext(
      await renderHandout({
        document: {
          ...handout,
          sections: [{ ...first, blocks: [paragraph, ...first.blocks] }, ...rest],
        },
        brandKit: { ...riverside, practice: { ...riverside.practice, website } },
      }),
    );
    const lines = text.split('\n');
    let brokenInside = 0;
    for (const [index, line] of lines.entries()) {
      expect(line, 'a doubled hyphen').not.toMatch(/--/);
      // A line ending inside an address ends after "/", "." or the slug's own "-".
      const last = line.split(' ').at(-1) ?? '';
      const next = lines[index + 1] ?? '';
      for (const address of [FDA, website]) {
        const start = address.indexOf(last);
        if (last.length < 4 || start < 0 || start + last.length === address.length) continue;
        if (!address.slice(start + last.length).startsWith(next.split(' ')[0] ?? '')) continue;
        brokenInside++;
        expect(last, `"${line}" breaks ${address}`).toMatch(/[/.-]$/);
      }
    }
    // The long URL breaks in the paragraph and in the reference list.
    expect(brokenInside).toBeGreaterThanOrEqual(2);
    // Read back line by line with nothing between the pieces, every address is whole.
    const joined = lines.join('');
    expect(joined).toContain(FDA);
    expect(joined).toContain(website);
    expect(joined).toContain('(fda-approves)');
    expect(text).toContain('care@riverside.example');
    // The phone number stays on one line (a no-break space).
    expect(text).toMatch(/\(555\)[\u00A0 ]010-2000/);
    expect(lines.filter((line) => line.endsWith('(555)'))).toEqual([]);
  });
});

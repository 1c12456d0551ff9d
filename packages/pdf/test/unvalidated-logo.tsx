// Test seam: renders a handout with a logo that never went through
// parseBrandKit, to prove that a failure deep inside react-pdf (here png-js,
// throwing from a zlib callback) rejects the render instead of ending the
// process. Production code has no way to skip logo validation.
import { getDocument } from '@groundwork/content';
import type { BrandKit } from '../src/brand/brand-kit.js';
import { parseBrandKit } from '../src/brand/brand-kit.js';
import { HandoutDocument } from '../src/components/handout-document.js';
import { fillDocument } from '../src/render/fill-document.js';
import { runRender } from '../src/render/render-pdf.js';
import { riverside } from './fixtures.js';

/** A parsed brand kit whose logo is replaced by `bytes`, unchecked. */
export function kitWithUnvalidatedLogo(bytes: Uint8Array, width = 1, height = 1): BrandKit {
  return { ...parseBrandKit(riverside), logo: { bytes, format: 'png', width, height } };
}

/** Renders the "preparing" handout with `brandKit` through the internal pipeline. */
export async function renderHandoutUnchecked(brandKit: BrandKit): Promise<Uint8Array> {
  const document = getDocument('preparing-for-your-session', { locale: 'en' });
  const filled = fillDocument({ document, brandKit });
  const result = await runRender({
    what: 'handout "preparing-for-your-session" (en)',
    brandKit,
    locale: 'en',
    paper: 'LETTER',
    build: ({ theme, prepare }) => (
      <HandoutDocument document={prepare(filled.document)} theme={theme} pdfa={false} />
    ),
  });
  return result.bytes;
}

import {
  clearRenderCache,
  renderCacheStats,
  renderConsent,
  renderHandout,
  renderHandoutStream,
} from '@groundwork/pdf';
import { beforeEach, describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';

describe('render cache', () => {
  beforeEach(() => clearRenderCache());

  it('returns the same PDF for the same document, brand kit and options', async () => {
    const first = await renderHandout('what-happens-during-a-session', riverside);
    const again = await renderHandout('what-happens-during-a-session', { ...riverside });
    expect(again).toBe(first);
    expect(renderCacheStats().entries).toBe(1);
  });

  it('renders again when the brand kit or an option changes', async () => {
    const first = await renderHandout('what-happens-during-a-session', riverside);
    const otherColour = await renderHandout('what-happens-during-a-session', {
      ...riverside,
      colours: { primary: '#7A1F5C', accent: '#2E7D6B' },
    });
    const a4 = await renderHandout('what-happens-during-a-session', riverside, { paper: 'A4' });
    expect(otherColour).not.toBe(first);
    expect(a4).not.toBe(first);
    expect(renderCacheStats().entries).toBe(3);
  });

  it('never keeps a consent form with patient details', async () => {
    await renderConsent('informed-consent', riverside, {
      routes: ['iv'],
      patientName: 'Ana Núñez',
    });
    expect(renderCacheStats().entries).toBe(0);
  });
});

describe('stream variants', () => {
  it('stream the same bytes as the plain render, for a web Response', async () => {
    const bytes = await renderHandout('what-happens-during-a-session', riverside);
    const stream = await renderHandoutStream('what-happens-during-a-session', riverside);
    const streamed = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(streamed).toEqual(bytes);
  });
});

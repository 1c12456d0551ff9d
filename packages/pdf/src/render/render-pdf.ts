import { pdf } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { DocumentProps } from '@react-pdf/renderer';
import { type BrandKit, brandKitIssues } from '../brand/brand-kit.js';
import { memoiseShaping, prepareFallbackFaces } from '../fonts/register-fonts.js';
import { usedFamilies } from '../fonts/used-families.js';
import type { PaperSize } from '../paper.js';
import { glyphCoverage } from '../text/glyph-coverage.js';
import { withPrivateText } from '../text/private-text.js';
import { type RenderWarning, TextPreparer } from '../text/prepare-text.js';
import { createTheme, type Theme } from '../theme.js';
import { RenderError } from '../errors.js';
import { renderTagged } from '../tagging/render-tagged.js';
import { captureAsyncErrors } from './capture-async-errors.js';
import { type CachedRender, type RenderCache, renderKey } from './render-cache.js';

/** What a render pipeline needs: the brand kit, locale and paper, and how to build the element from prepared text. */
export interface RenderJob {
  /** Human name of what is rendered, for error messages (`handout "preparing-for-your-session"`). */
  what: string;
  brandKit: BrandKit;
  locale: string;
  paper: PaperSize;
  /** Warnings found before layout (missing brand details, say). */
  extraWarnings?: RenderWarning[];
  build: (context: { theme: Theme; prepare: <T>(value: T) => T }) => ReactElement<DocumentProps>;
  /** The document carries patient details: per-process memos keep none of its text. */
  privateText?: boolean;
  /** Write a tagged PDF (PDF/UA-1); defaults to true. */
  tagged?: boolean;
}

/**
 * Returns the render cached for `keyParts` (hashed from the caller's raw
 * input, so a repeat skips parsing, filling and layout), or produces, stores
 * and returns it. Without a cache, or with `keyParts: null` (a render that
 * must not be kept), it always produces.
 */
export async function renderCached({
  cache,
  keyParts,
  produce,
}: {
  cache: RenderCache | undefined;
  keyParts: unknown[] | null;
  produce: () => Promise<CachedRender>;
}): Promise<CachedRender> {
  const key = cache && keyParts ? renderKey(keyParts) : null;
  const hit = key ? cache?.get(key) : undefined;
  if (hit) return hit;
  const result = await produce();
  if (key) cache?.set(key, result);
  return result;
}

/** A node of react-pdf's instance tree, as far as {@link layoutCodePoints} reads it. */
interface InstanceNode {
  type?: string;
  value?: unknown;
  props?: Record<string, unknown>;
  style?: unknown;
  children?: InstanceNode[];
  document?: InstanceNode;
}

/**
 * Every code point of the text react-pdf will lay out, read from the instance
 * tree it built, or `null` when that is not known before layout: a render
 * prop's output is, unless its node names its own fontFamily.
 */
function layoutCodePoints(container: InstanceNode): Set<number> | null {
  // Not the tree this was written against (a react-pdf change): use the whole stack.
  if (!container.document) return null;
  const codePoints = new Set<number>();
  const pending: InstanceNode[] = [container.document];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'TEXT_INSTANCE') {
      if (typeof node.value === 'string')
        for (const character of node.value) codePoints.add(character.codePointAt(0) ?? 0);
      continue;
    }
    if (typeof node.props?.render === 'function') {
      const style = node.style;
      if (!(style && typeof style === 'object' && 'fontFamily' in style)) return null;
    }
    if (node.children) pending.push(...node.children);
  }
  return codePoints;
}

/** Collects a finished PDF stream into one buffer. */
function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Runs a render job: theme and fonts, text preparation, layout and writing, collecting warnings. */
export function runRender(job: RenderJob): Promise<CachedRender> {
  const render = () => layOutAndWrite(job);
  // An error thrown from a callback inside react-pdf (png-js, pdfkit streams)
  // rejects this render instead of ending the process.
  return captureAsyncErrors(job.privateText ? () => withPrivateText(render) : render, (cause) =>
    renderFailed(job, cause),
  );
}

function renderFailed(job: RenderJob, cause: unknown): RenderError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RenderError(`Could not render ${job.what}: ${reason}`, { cause });
}

async function layOutAndWrite(job: RenderJob): Promise<CachedRender> {
  const theme = createTheme({ brandKit: job.brandKit, locale: job.locale, paper: job.paper });
  const preparer = new TextPreparer(glyphCoverage(job.brandKit.typeface));
  const preparedTheme: Theme = { ...theme, brandKit: preparer.prepareAll(theme.brandKit) };
  let bytes: Uint8Array;
  try {
    // The element may be built twice (see below): prepare each input once.
    const preparedInputs = new WeakMap<object, unknown>();
    const prepare = <T>(value: T): T => {
      if (typeof value !== 'object' || value === null) return preparer.prepareAll(value);
      if (!preparedInputs.has(value)) preparedInputs.set(value, preparer.prepareAll(value));
      return preparedInputs.get(value) as T;
    };
    const instance = pdf(job.build({ theme: preparedTheme, prepare }));
    // Lay out with only the font families the document's text can use (see usedFamilies).
    const codePoints = layoutCodePoints(instance.container);
    if (codePoints) {
      const fontFamily = usedFamilies(job.brandKit.typeface, codePoints);
      if (fontFamily.length < preparedTheme.fontFamily.length)
        instance.updateContainer(job.build({ theme: { ...preparedTheme, fontFamily }, prepare }));
    }
    await prepareFallbackFaces();
    memoiseShaping(job.brandKit.typeface);
    // The one place that picks the writer: tagged through our own render step, or react-pdf's.
    const buffer =
      job.tagged === false
        ? await streamToBuffer(await instance.toBuffer())
        : await renderTagged(instance.container);
    memoiseShaping(job.brandKit.typeface);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (cause) {
    throw renderFailed(job, cause);
  }
  const warnings: RenderWarning[] = [
    ...brandKitIssues(job.brandKit).map((issue) => ({
      kind: 'brand-kit' as const,
      field: issue.field,
      message: issue.message,
    })),
    ...(job.extraWarnings ?? []),
    ...preparer.warnings(),
  ];
  return { bytes, warnings };
}

/** Wraps finished PDF bytes as a web ReadableStream (for `new Response(stream)`), in 64 KB chunks. */
export function bytesToStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.byteLength, offset + 65536);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}

import { type BrandKitInput, fieldIssues, parseBrandKit } from '../brand/brand-kit.js';
import { type ChecklistReportInput, ChecklistReportSchema } from '../checklist-report.js';
import { ChecklistReportDocument } from '../components/checklist-report-document.js';
import { RenderOptionsError } from '../errors.js';
import { parseCommonOptions, type RenderOptions } from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

function parseReport(report: ChecklistReportInput) {
  const result = ChecklistReportSchema.safeParse(report);
  if (!result.success) {
    throw new RenderOptionsError(
      'checklist report',
      fieldIssues(result.error).map((issue) => ({ ...issue, field: `report.${issue.field}` })),
      { cause: result.error },
    );
  }
  return result.data;
}

/** What {@link renderChecklistReport} takes. */
export interface ChecklistReportRenderOptions extends RenderOptions {
  /** The practice's checklist at a moment in time (see `ChecklistReportSchema`). */
  report: ChecklistReportInput;
  /** The practice's brand kit. */
  brandKit: BrandKitInput;
}

/** Renders a practice's onboarding checklist report (progress and every item's status) as PDF bytes. */
export async function renderChecklistReport({
  report,
  brandKit,
  ...options
}: ChecklistReportRenderOptions): Promise<Uint8Array> {
  const common = parseCommonOptions(options, 'renderChecklistReport');
  const result = await renderCached({
    cache: options.cache,
    keyParts: ['checklist-report', report, brandKit, common],
    produce: async () => {
      const parsed = parseReport(report);
      const kit = parseBrandKit(brandKit);
      return runRender({
        what: `the checklist report for ${JSON.stringify(parsed.practiceName)}`,
        tagged: common.tagged,
        brandKit: kit,
        locale: common.locale,
        paper: common.paper,
        build: ({ theme, prepare }) => (
          <ChecklistReportDocument report={prepare(parsed)} theme={theme} pdfa={common.pdfa} />
        ),
      });
    },
  });
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderChecklistReport} as a web ReadableStream, for server responses. */
export async function renderChecklistReportStream(
  options: ChecklistReportRenderOptions,
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderChecklistReport(options));
}

import { type BrandKitInput, describeIssues, parseBrandKit } from '../brand/brand-kit.js';
import { type ChecklistReportInput, ChecklistReportSchema } from '../checklist-report.js';
import { ChecklistReportDocument } from '../components/checklist-report-document.js';
import { CommonOptionsSchema, type RenderOptions } from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

function parseReport(report: ChecklistReportInput) {
  const result = ChecklistReportSchema.safeParse(report);
  if (!result.success) {
    throw new Error(`Invalid checklist report:\n${describeIssues(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/** Renders a practice's onboarding checklist report (progress and every item's status) as PDF bytes. */
export async function renderChecklistReport(
  report: ChecklistReportInput,
  brandKit: BrandKitInput,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const common = CommonOptionsSchema.parse(options);
  const result = await renderCached(
    common.cache ? ['checklist-report', report, brandKit, common] : null,
    async () => {
      const parsed = parseReport(report);
      const kit = parseBrandKit(brandKit);
      return runRender({
        what: `the checklist report for ${JSON.stringify(parsed.practiceName)}`,
        brandKit: kit,
        locale: common.locale,
        paper: common.paper,
        build: ({ theme, prepare }) => (
          <ChecklistReportDocument report={prepare(parsed)} theme={theme} pdfa={common.pdfa} />
        ),
      });
    },
  );
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderChecklistReport} as a web ReadableStream, for server responses. */
export async function renderChecklistReportStream(
  report: ChecklistReportInput,
  brandKit: BrandKitInput,
  options: RenderOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderChecklistReport(report, brandKit, options));
}

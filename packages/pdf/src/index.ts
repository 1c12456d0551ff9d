export { PAPER_SIZES, paperDimensions } from './paper.js';
export type { PaperSize } from './paper.js';
export {
  BrandKitSchema,
  BrandKitStrictSchema,
  brandKitIssues,
  parseBrandKit,
} from './brand/brand-kit.js';
export type { BrandKit, BrandKitInput, BrandKitIssue, Logo } from './brand/brand-kit.js';
export {
  CHECKLIST_STATUSES,
  ChecklistProgressSchema,
  ChecklistReportItemSchema,
  ChecklistReportSchema,
  checklistProgress,
} from './checklist-report.js';
export type {
  ChecklistProgress,
  ChecklistReport,
  ChecklistReportInput,
  ChecklistReportItem,
  ChecklistStatus,
} from './checklist-report.js';
export {
  renderChecklistReport,
  renderChecklistReportStream,
} from './render/render-checklist-report.js';
export type { RenderOptions } from './render/render-options.js';
export { PdfRenderError } from './render/render-pdf.js';
export { clearRenderCache, renderCacheStats } from './render/render-cache.js';
export type { RenderWarning } from './text/prepare-text.js';
export { sanitiseText, sanitiseLine } from './text/sanitise.js';
export { createTheme } from './theme.js';
export type { Theme } from './theme.js';
export { ChecklistReportDocument, ChecklistReportBody, ProgressBar } from './components/checklist-report-document.js';
export { DocumentShell } from './components/document-shell.js';
export type { DocumentMetadata } from './components/document-shell.js';
export { ClinicalStatement, Letterhead, RunningFooter, TopBand } from './components/page-chrome.js';
export { Table } from './components/table.js';
export type { TableColumn } from './components/table.js';
export { Heading, Paragraph } from './components/typography.js';
export { ThemeProvider, useTheme } from './components/theme-context.js';

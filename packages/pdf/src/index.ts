// Node entry of @groundwork/pdf: render functions, react-pdf components, schemas.
// Browser code imports `@groundwork/pdf/brand` instead.
export { PAPER_SIZES, paperDimensions } from './paper.js';
export type { PaperSize } from './paper.js';

export {
  renderGuide,
  renderGuideStream,
  GROUNDWORK_BRAND_KIT,
  GUIDE_ID,
} from './render/render-guide.js';
export type { GuideOptions } from './render/render-guide.js';
export { renderHandout, renderHandoutStream } from './render/render-handout.js';
export { renderConsent, renderConsentStream } from './render/render-consent.js';
export type { ConsentOptions } from './render/render-consent.js';
export {
  renderChecklistReport,
  renderChecklistReportStream,
} from './render/render-checklist-report.js';
export type { DocumentInput } from './render/document-input.js';
export type { RenderOptions } from './render/render-options.js';
export { PdfRenderError } from './render/render-pdf.js';
export {
  clearRenderCache,
  renderCacheStats,
  RENDER_CACHE_MAX_BYTES,
} from './render/render-cache.js';
export { fillDocument } from './render/fill-document.js';

export {
  BrandKitSchema,
  BrandKitStrictSchema,
  brandKitIssues,
  parseBrandKit,
} from './brand/brand-kit.js';
export type { BrandKit, BrandKitInput, BrandKitIssue, Logo } from './brand/brand-kit.js';
export { TYPEFACES, TYPEFACE_IDS } from './brand/typefaces.js';
export type { Typeface, TypefaceId } from './brand/typefaces.js';

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

export type { RenderWarning } from './text/prepare-text.js';
export { sanitiseText, sanitiseLine } from './text/sanitise.js';
export { hyphenate, MAX_WORD_PIECE } from './text/hyphenate.js';
export type { HyphenationCallback } from './text/hyphenate.js';
export { createTheme } from './theme.js';
export type { Theme } from './theme.js';
export { labelsFor } from './labels.js';
export type { Labels } from './labels.js';

export { contentsEntries, GuideDocument, PageRegistry } from './components/guide-document.js';
export type { ContentsEntry } from './components/guide-document.js';
export { PageMark } from './components/page-marker.js';
export {
  HandoutDocument,
  ShortDocumentBody,
  citationNumbers,
} from './components/handout-document.js';
export { ConsentDocument } from './components/consent-document.js';
export type { ConsentFields } from './components/consent-document.js';
export {
  ChecklistReportBody,
  ChecklistReportDocument,
  ProgressBar,
} from './components/checklist-report-document.js';
export { DocumentShell } from './components/document-shell.js';
export type { DocumentMetadata } from './components/document-shell.js';
export {
  ClinicalStatement,
  Letterhead,
  PAGE_PADDING,
  RunningFooter,
  TopBand,
} from './components/page-chrome.js';
export {
  BlockView,
  CalloutView,
  DefinitionListView,
  HeadingBlockView,
  TableView,
} from './components/blocks.js';
export { AcknowledgementView, SignatureView } from './components/form-blocks.js';
export { FlowBlocks } from './components/flow-blocks.js';
export { ListView } from './components/list-view.js';
export { InlineContent, inlineText, BLANK } from './components/inline-content.js';
export { ReferencesList } from './components/references-list.js';
export { SectionView } from './components/section-view.js';
export type { PageMarker } from './components/section-view.js';
export { Table } from './components/table.js';
export type { TableCell, TableColumn, TableTextCell } from './components/table.js';
export { BODY_SIZE, HEADING_SIZES, Heading, Paragraph } from './components/typography.js';
export { ThemeProvider, useTheme } from './components/theme-context.js';
export {
  DocumentContextProvider,
  headingAnchor,
  referenceAnchor,
  sectionAnchor,
  useDocumentContext,
} from './components/document-context.js';
export type { DocumentContextValue } from './components/document-context.js';

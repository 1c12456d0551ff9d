// Node entry of @groundwork/pdf: the render API. Browser code imports
// `@groundwork/pdf/brand` instead. Layout components are internal.
export {
  renderGuide,
  renderGuideStream,
  GROUNDWORK_BRAND_KIT,
  GUIDE_ID,
} from './render/render-guide.js';
export type { GuideRenderOptions } from './render/render-guide.js';
export { renderHandout, renderHandoutStream } from './render/render-handout.js';
export type { HandoutRenderOptions } from './render/render-handout.js';
export { renderConsent, renderConsentStream } from './render/render-consent.js';
export type { ConsentRenderOptions } from './render/render-consent.js';
export { renderForm, renderFormStream } from './render/render-form.js';
export type { FormRenderOptions } from './render/render-form.js';
export {
  renderChecklistReport,
  renderChecklistReportStream,
} from './render/render-checklist-report.js';
export type { ChecklistReportRenderOptions } from './render/render-checklist-report.js';
export type { DocumentInput } from './render/document-input.js';
export type { RenderOptions, ReviewLineOption } from './render/render-options.js';
export { createRenderCache, RENDER_CACHE_MAX_BYTES } from './render/render-cache.js';
export type { CachedRender, RenderCache } from './render/render-cache.js';
export { fillDocument } from './render/fill-document.js';
export type { RenderWarning } from './text/prepare-text.js';

export { BrandKitError, DocumentKindError, RenderError, RenderOptionsError } from './errors.js';
export type { FieldIssue } from './errors.js';

export {
  BrandKitSchema,
  BrandKitStrictSchema,
  brandKitIssues,
  parseBrandKit,
} from './brand/brand-kit.js';
export type { BrandKit, BrandKitInput, BrandKitIssue, Logo } from './brand/brand-kit.js';
export { TYPEFACES, TYPEFACE_IDS } from './brand/typefaces.js';
export type { Typeface, TypefaceId } from './brand/typefaces.js';
export { PAPER_SIZES, paperDimensions } from './paper.js';
export type { PaperSize } from './paper.js';

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

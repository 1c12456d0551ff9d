export { CONTENT_SCHEMA_VERSION, isCompatibleSchemaVersion } from './schema-version.js';

export { LOCALES, LocaleSchema, ROUTES, RouteSchema } from './model/routes.js';
export type { Locale, Route } from './model/routes.js';
export {
  isPlaceholderName,
  PLACEHOLDERS,
  PlaceholderNameSchema,
} from './model/placeholders.js';
export type { PlaceholderName, PlaceholderValues } from './model/placeholders.js';
export { STANDARD_DISCLAIMER } from './model/disclaimer.js';
export { IsoDateSchema, ReferenceSchema, SlugSchema } from './model/reference.js';
export type { Reference } from './model/reference.js';
export {
  CitationInlineSchema,
  InlineContentSchema,
  InlineSchema,
  PlaceholderInlineSchema,
  TextInlineSchema,
} from './model/inline.js';
export type { Inline } from './model/inline.js';
export {
  AcknowledgementBlockSchema,
  BlockIdSchema,
  BlockSchema,
  CALLOUT_TONES,
  CalloutBlockSchema,
  CheckboxesBlockSchema,
  DefinitionListBlockSchema,
  FieldsBlockSchema,
  FlowBlockSchema,
  HeadingBlockSchema,
  INITIALLING_PARTIES,
  ListBlockSchema,
  ListItemSchema,
  PageBreakBlockSchema,
  ParagraphBlockSchema,
  SIGNATURE_PARTIES,
  SignatureBlockSchema,
  TableAlignSchema,
  TableBlockSchema,
} from './model/blocks.js';
export type {
  AcknowledgementBlock,
  Block,
  CalloutBlock,
  CheckboxesBlock,
  DefinitionListBlock,
  FieldsBlock,
  FlowBlock,
  HeadingBlock,
  InitiallingParty,
  ListBlock,
  ListItem,
  PageBreakBlock,
  ParagraphBlock,
  SignatureBlock,
  SignatureParty,
  TableBlock,
} from './model/blocks.js';
export {
  AudienceSchema,
  DOCUMENT_KINDS,
  DocumentKindSchema,
  DocumentSchema,
  SectionSchema,
  SemverSchema,
  VariantSchema,
} from './model/document.js';
export type { Audience, Document, DocumentKind, Section, Variant } from './model/document.js';
export {
  AppliesWhenSchema,
  ChecklistItemSchema,
  ChecklistSectionSchema,
  ChecklistTemplateSchema,
  OWNER_ROLES,
  OwnerRoleSchema,
  PracticeProfileSchema,
  StateCodeSchema,
  US_STATES,
} from './model/checklist.js';
export type {
  AppliesWhen,
  ChecklistItem,
  ChecklistSection,
  ChecklistTemplate,
  OwnerRole,
  PracticeProfile,
  StateCode,
} from './model/checklist.js';
export { CompiledLibrarySchema } from './model/library.js';
export type { CompiledLibrary } from './model/library.js';

export { DocumentNotFoundError, getDocument, listDocuments } from './documents.js';
export { getReference, references } from './references.js';
export type { DocumentFilter, GetDocumentOptions } from './documents.js';
export { routesIn, selectVariant } from './select-variant.js';
export { cleanValue, FillError, fill } from './fill.js';
export { placeholdersIn } from './placeholders-in.js';
export { plainText } from './plain-text.js';
export type { PlainTextOptions } from './plain-text.js';
export { appliesTo, applicableItems, getChecklistTemplate } from './checklist.js';
export { contentJsonSchema, JSON_SCHEMA_NAMES } from './json-schema.js';
export type { JsonSchemaName } from './json-schema.js';

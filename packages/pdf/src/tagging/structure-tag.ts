/**
 * How components say what they are in a tagged PDF. A component spreads
 * `structure(...)` onto a react-pdf View, Text, Link, Image or TextInput; the
 * prop survives layout, and instrument-layout.ts reads it back from the
 * laid-out node. An untagged render ignores it.
 */

/** The standard structure types (ISO 32000-1, 14.8.4) Groundwork documents use. */
export type StructureRole =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'P'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI'
  | 'Figure'
  | 'Form'
  | 'Link'
  | 'Reference'
  | 'Note'
  | 'Span';

/** What a node is: one or more nested roles (outermost first), or page furniture. */
export interface StructureTag {
  /** Nested roles for this one node, outermost first (`['TOCI', 'Reference', 'Link']`). */
  roles: readonly StructureRole[] | 'Artifact';
  /** Kind of artifact (default `Layout`): `Pagination` for running headers and footers. */
  artifact?: 'Pagination' | 'Layout';
  /** Alternative text (Figure), or the accessible name of a form field (its TU) or a link. */
  alt?: string;
  /** Language of this element when it differs from the document's (BCP 47). */
  lang?: string;
  /** Header cell scope. */
  scope?: 'Column' | 'Row' | 'Both';
  /** Element identifier (required on Note). */
  id?: string;
}

/** The prop name the tag travels under. A hyphenated name: react-pdf and TypeScript leave it alone. */
export const STRUCTURE_PROP = 'data-structure';

/** Props that tag a react-pdf element with a structure role, for a tagged render. */
export function structure(
  roles: StructureRole | readonly StructureRole[],
  options: Omit<StructureTag, 'roles' | 'artifact'> = {},
): { [STRUCTURE_PROP]: StructureTag } {
  return { [STRUCTURE_PROP]: { roles: typeof roles === 'string' ? [roles] : roles, ...options } };
}

/** Props that mark a react-pdf element and everything in it as page furniture (not read aloud). */
export function artifact(kind: 'Pagination' | 'Layout' = 'Layout'): {
  [STRUCTURE_PROP]: StructureTag;
} {
  return { [STRUCTURE_PROP]: { roles: 'Artifact', artifact: kind } };
}

/** Reads a node's tag back from its props, if it has one. */
export function structureTagOf(
  props: Record<string, unknown> | undefined,
): StructureTag | undefined {
  const value = props?.[STRUCTURE_PROP];
  return value && typeof value === 'object' ? (value as StructureTag) : undefined;
}

/*
 * Inline text carries no props through layout: react-pdf flattens a
 * paragraph's nested Texts into runs whose attributes are a fixed list of
 * style values. `textDecorationStyle` is one that is only ever read when the
 * run is underlined or struck through, so a language travels in it as
 * `lang:xx`, unseen in the drawing (a dashed/dotted/wavy/double keyword is
 * never part of it, so even an underline draws solid as before).
 */
const LANG_PREFIX = 'lang:';

/** The style value that carries a language to the runs of an inline Text. */
export function languageStyle(lang: string): { textDecorationStyle: string } {
  return { textDecorationStyle: `${LANG_PREFIX}${lang}` };
}

/** The language a run's attributes carry, if any. */
export function runLanguage(attributes: { underlineStyle?: unknown }): string | undefined {
  const style = attributes.underlineStyle;
  return typeof style === 'string' && style.startsWith(LANG_PREFIX)
    ? style.slice(LANG_PREFIX.length)
    : undefined;
}

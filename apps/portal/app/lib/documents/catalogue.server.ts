import { type Locale, listDocuments } from '@groundwork/content';

/** Most handouts in one ZIP download. */
export const MAX_HANDOUTS_PER_DOWNLOAD = 10;

/** A handout the studio offers, with its version and title in each language. */
export interface HandoutChoice {
  id: string;
  version: string;
  titles: Partial<Record<Locale, string>>;
}

/** What identifies a rendered document: id, version and locale (no content). */
export interface DocumentMeta {
  id: string;
  version: string;
  locale: Locale;
  title: string;
}

let catalogue: { choices: HandoutChoice[]; meta: Map<string, DocumentMeta> } | undefined;

// The library is compiled into @groundwork/content and never changes while the
// server runs; listDocuments/getDocument copy whole documents, so read it once.
function library() {
  if (!catalogue) {
    const byId = new Map<string, HandoutChoice>();
    const meta = new Map<string, DocumentMeta>();
    for (const document of listDocuments({ audience: 'patient' })) {
      meta.set(`${document.id}|${document.locale}`, {
        id: document.id,
        version: document.version,
        locale: document.locale,
        title: document.title,
      });
      if (document.kind !== 'handout') continue;
      const choice = byId.get(document.id) ?? {
        id: document.id,
        version: document.version,
        titles: {},
      };
      choice.titles[document.locale] = document.title;
      byId.set(document.id, choice);
    }
    const choices = [...byId.values()].sort((a, b) =>
      (a.titles.en ?? a.id).localeCompare(b.titles.en ?? b.id),
    );
    catalogue = { choices, meta };
  }
  return catalogue;
}

/** Every patient handout in the library, by English title. */
export function handoutCatalogue(): HandoutChoice[] {
  return library().choices;
}

/** Id, version, locale and title of a patient document, without copying its content. */
export function documentMeta(id: string, locale: Locale): DocumentMeta {
  const meta = library().meta.get(`${id}|${locale}`);
  if (!meta) throw new Error(`No patient document "${id}" in locale "${locale}"`);
  return meta;
}

/** A practice form the portal offers (flow sheet, discharge checklist, logs); forms are in English. */
export interface FormChoice {
  id: string;
  version: string;
  title: string;
  summary: string;
}

let forms: FormChoice[] | undefined;

/** Every practice form in the library, by title. */
export function formCatalogue(): FormChoice[] {
  forms ??= listDocuments({ kind: 'form', locale: 'en' })
    .map(({ id, version, title, summary }) => ({ id, version, title, summary }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return forms;
}

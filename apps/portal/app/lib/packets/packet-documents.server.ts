import {
  type Document,
  type Locale,
  type Route,
  getDocument,
  selectVariant,
} from '@groundwork/content';
import { sha256Hex } from '../crypto.server';
import { CONSENT_DOCUMENT_ID } from '../documents/pdf-renderer.server';
import type { PacketDocumentInput } from './packets.server';

/** What a packet's document row says about its content. */
export interface PacketDocumentRef {
  kind: string;
  documentId: string;
  locale: string;
  routes: string[];
}

/** The content a packet document shows: the handout, or the consent form's route variant. */
export function packetDocumentContent(ref: PacketDocumentRef): Document {
  const document = getDocument(ref.documentId, { locale: ref.locale as Locale });
  return ref.kind === 'consent' ? selectVariant(document, ref.routes as Route[]) : document;
}

/** SHA-256 of a document's content as shown (canonical JSON of the content model). */
export function contentSha256(document: Document): string {
  return sha256Hex(JSON.stringify(document));
}

/** The document rows of a new packet: the handouts in the order chosen, then the consent form. */
export function packetDocumentsFor({
  locale,
  handoutIds,
  consentRoutes,
}: {
  locale: Locale;
  handoutIds: readonly string[];
  consentRoutes: readonly Route[] | null;
}): PacketDocumentInput[] {
  const refs: PacketDocumentRef[] = handoutIds.map((documentId) => ({
    kind: 'handout',
    documentId,
    locale,
    routes: [],
  }));
  if (consentRoutes) {
    refs.push({
      kind: 'consent',
      documentId: CONSENT_DOCUMENT_ID,
      locale,
      routes: [...consentRoutes],
    });
  }
  return refs.map((ref) => {
    const document = packetDocumentContent(ref);
    return {
      kind: ref.kind as 'handout' | 'consent',
      documentId: ref.documentId,
      documentVersion: document.version,
      locale: ref.locale,
      routes: ref.routes,
      contentSha256: contentSha256(document),
    };
  });
}

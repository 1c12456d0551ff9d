import type { Document } from '@groundwork/content';
import { fillDocument } from '@groundwork/pdf';
import { parseBrandKit } from '@groundwork/pdf/brand';
import type { RenderBrand } from '../documents/brand-kit.server';
import { contentSha256, packetDocumentContent } from './packet-documents.server';
import type { PacketDocumentRow } from './packets.server';

/**
 * A packet document as the patient reads it: the library content it was
 * sent with, filled with the practice's details, and whether that content
 * still has the hash recorded at sending (if not, it must not be signed).
 */
export function patientDocument(
  document: PacketDocumentRow,
  practice: { name: string },
  brand: RenderBrand,
): { content: Document; unchanged: boolean } {
  const content = packetDocumentContent(document);
  const unchanged = contentSha256(content) === document.contentSha256;
  const kit = parseBrandKit({
    ...brand.settings,
    practice: { ...brand.settings.practice, name: practice.name },
  });
  return { content: fillDocument({ document: content, brandKit: kit }).document, unchanged };
}

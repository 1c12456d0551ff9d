import type { Document, Inline } from '@groundwork/content';

/** One signer as the certificate lists them. */
export interface CertificateSigner {
  party: string;
  name: string;
  method: 'drawn' | 'typed';
  electronicConsentAt: Date;
  signedAt: Date;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
}

/** One event of the packet's log as the certificate lists it. */
export interface CertificateEvent {
  at: Date;
  type: string;
  who: string;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
}

/** What the signature certificate records. */
export interface CertificateInput {
  practiceName: string;
  packetId: string;
  document: { id: string; version: string; title: string; locale: string; routes: string[] };
  /** SHA-256 of the document content the patient was shown (packet_documents.content_sha256). */
  contentSha256: string;
  /** SHA-256 of the signed form's PDF pages, before this certificate was added. */
  signedFormSha256: string;
  signers: CertificateSigner[];
  events: CertificateEvent[];
}

const text = (value: string): Inline[] => [{ type: 'text', value }];
const utc = (date: Date) => `${date.toISOString().replace('T', ' ').slice(0, 19)} UTC`;

/**
 * The signature certificate as a @groundwork/content document, so
 * @groundwork/pdf renders it with the practice's brand and fonts for every
 * script: who signed, when, from where, which document version and hash, and
 * every event of the packet.
 */
export function certificateDocument(input: CertificateInput, now = new Date()): Document {
  return {
    id: 'signature-certificate',
    kind: 'handout',
    audience: 'patient',
    locale: 'en',
    version: '1.0.0',
    title: 'Signature certificate',
    summary: `How "${input.document.title}" was signed electronically.`,
    reviewedAt: now.toISOString().slice(0, 10),
    reviewer: input.practiceName,
    disclaimer:
      'This certificate is part of the sealed file. The digital signature on this PDF covers every page; any change to the file breaks it.',
    references: [],
    sections: [
      {
        id: 'document',
        title: 'Document',
        blocks: [
          {
            type: 'definitions',
            id: 'document.1',
            items: [
              { term: 'Document', definition: text(input.document.title) },
              {
                term: 'Content id and version',
                definition: text(
                  `${input.document.id} ${input.document.version} (${input.document.locale})`,
                ),
              },
              ...(input.document.routes.length > 0
                ? [{ term: 'Routes', definition: text(input.document.routes.join(', ')) }]
                : []),
              { term: 'Content SHA-256 (as shown)', definition: text(input.contentSha256) },
              { term: 'Signed form SHA-256', definition: text(input.signedFormSha256) },
              { term: 'Practice', definition: text(input.practiceName) },
              { term: 'Packet', definition: text(input.packetId) },
            ],
          },
        ],
      },
      {
        id: 'signers',
        title: 'Signers',
        blocks: input.signers.map((signer, index) => ({
          type: 'definitions' as const,
          id: `signers.${index + 1}`,
          items: [
            { term: 'Party', definition: text(signer.party) },
            { term: 'Name', definition: text(signer.name) },
            {
              term: 'Signature',
              definition: text(signer.method === 'drawn' ? 'drawn on screen' : 'typed name'),
            },
            {
              term: 'Agreed to sign electronically',
              definition: text(utc(signer.electronicConsentAt)),
            },
            { term: 'Signed', definition: text(utc(signer.signedAt)) },
            { term: 'IP address', definition: text(signer.ipAddress ?? 'not recorded') },
            { term: 'User agent', definition: text(signer.userAgent ?? 'not recorded') },
          ],
        })),
      },
      {
        id: 'events',
        title: 'Every event',
        blocks: [
          {
            type: 'table',
            id: 'events.1',
            align: [null, null, null, null],
            header: [text('When'), text('What'), text('Who'), text('From')],
            rows: input.events.map((event) => [
              text(utc(event.at)),
              text(event.type),
              text(event.who),
              text([event.ipAddress, event.userAgent].filter(Boolean).join(' · ') || '—'),
            ]),
          },
        ],
      },
    ],
  };
}

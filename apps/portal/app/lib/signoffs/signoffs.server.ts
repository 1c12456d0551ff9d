import { getDocument, type Locale } from '@groundwork/content';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { memberships, practices, users } from '../../db/schema.server';
import { documentSignoffs } from '../../db/signoffs-schema.server';
import { CONSENT_DOCUMENT_ID } from '../documents/pdf-renderer.server';
import { formCatalogue, handoutCatalogue } from '../documents/catalogue.server';
import { type AuditActor, recordPracticeEvent } from '../practices/audit.server';
import { type LineInput, type SignoffSummary, reviewerLine } from './reviewer-line';

/** A document the medical director can sign off: a handout, the consent form or a practice form. */
export interface SignableDocument {
  id: string;
  kind: 'handout' | 'consent' | 'form';
  title: string;
  version: string;
  reviewer: string;
  reviewedAt: string;
  locale: Locale;
}

/** Every document a practice's medical director can sign off, in English. */
export function signableDocumentIds(): string[] {
  return [
    ...handoutCatalogue().map((choice) => choice.id),
    CONSENT_DOCUMENT_ID,
    ...formCatalogue().map((choice) => choice.id),
  ];
}

/** A signable document in a locale (English when it has no such translation), or undefined. */
export function signableDocument(id: string, locale: Locale = 'en'): SignableDocument | undefined {
  if (!signableDocumentIds().includes(id)) return undefined;
  let document: ReturnType<typeof getDocument>;
  try {
    document = getDocument(id, { locale });
  } catch {
    document = getDocument(id, { locale: 'en' });
  }
  const kind =
    id === CONSENT_DOCUMENT_ID ? 'consent' : document.kind === 'form' ? 'form' : 'handout';
  return {
    id,
    kind,
    title: document.title,
    version: document.version,
    reviewer: document.reviewer,
    reviewedAt: document.reviewedAt,
    locale: document.locale,
  };
}

/** Roles that can be named medical director. */
export const DIRECTOR_ROLES = ['owner', 'clinician'] as const;

/** Members who may be named medical director (owners and clinicians), by name. */
export async function directorCandidates(db: Db, practiceId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.practiceId, practiceId), inArray(memberships.role, [...DIRECTOR_ROLES])),
    )
    .orderBy(users.name);
}

/**
 * The practice's medical director, if one is named and still an owner or
 * clinician of the practice (someone who left or became staff is not). Read
 * from the database, not the request's cached practice row, so a change in
 * settings counts at once.
 */
export async function medicalDirectorOf(
  db: Db,
  practiceId: string,
): Promise<{ userId: string; name: string } | null> {
  const [found] = await db
    .select({ userId: users.id, name: users.name })
    .from(practices)
    .innerJoin(users, eq(users.id, practices.medicalDirectorId))
    .innerJoin(
      memberships,
      and(eq(memberships.practiceId, practices.id), eq(memberships.userId, users.id)),
    )
    .where(and(eq(practices.id, practiceId), inArray(memberships.role, [...DIRECTOR_ROLES])));
  return found ?? null;
}

/** Names (or, with null, un-names) the medical director, with an audit entry. */
export async function setMedicalDirector(
  db: Db,
  input: { practiceId: string; userId: string | null; actor: AuditActor },
): Promise<'saved' | 'not-eligible'> {
  const candidates = await directorCandidates(db, input.practiceId);
  const chosen = input.userId
    ? candidates.find((candidate) => candidate.userId === input.userId)
    : null;
  if (input.userId && !chosen) return 'not-eligible';
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ medicalDirectorId: practices.medicalDirectorId })
      .from(practices)
      .where(eq(practices.id, input.practiceId));
    const previous = candidates.find((candidate) => candidate.userId === before?.medicalDirectorId);
    await tx
      .update(practices)
      .set({ medicalDirectorId: input.userId, updatedAt: new Date() })
      .where(eq(practices.id, input.practiceId));
    await recordPracticeEvent(tx, {
      practiceId: input.practiceId,
      actor: input.actor,
      action: 'medical-director-changed',
      details: {
        from: previous?.name ?? 'nobody',
        to: chosen?.name ?? 'nobody',
        ...(chosen ? { subject: { userId: chosen.userId, name: chosen.name } } : {}),
      },
    });
  });
  return 'saved';
}

/** The newest sign-off of each document of a practice. */
export async function currentSignoffs(
  db: Db,
  practiceId: string,
): Promise<Map<string, SignoffSummary & { signedAt: Date }>> {
  const rows = await db
    .select()
    .from(documentSignoffs)
    .where(eq(documentSignoffs.practiceId, practiceId))
    .orderBy(desc(documentSignoffs.signedAt), desc(documentSignoffs.id));
  const latest = new Map<string, SignoffSummary & { signedAt: Date }>();
  for (const row of rows) {
    if (latest.has(row.documentId)) continue;
    latest.set(row.documentId, {
      documentVersion: row.documentVersion,
      signerName: row.signerName,
      signerCredentials: row.signerCredentials,
      signedOn: row.signedAt.toISOString().slice(0, 10),
      signedAt: row.signedAt,
    });
  }
  return latest;
}

/** Every sign-off of one document, newest first. */
export async function signoffHistory(db: Db, practiceId: string, documentId: string) {
  return db
    .select({
      id: documentSignoffs.id,
      documentVersion: documentSignoffs.documentVersion,
      signerName: documentSignoffs.signerName,
      signerCredentials: documentSignoffs.signerCredentials,
      signedAt: documentSignoffs.signedAt,
    })
    .from(documentSignoffs)
    .where(
      and(eq(documentSignoffs.practiceId, practiceId), eq(documentSignoffs.documentId, documentId)),
    )
    .orderBy(desc(documentSignoffs.signedAt), desc(documentSignoffs.id));
}

/** Records the medical director's sign-off of one document version, with an audit entry, in one transaction. */
export async function signOffDocument(
  db: Db,
  input: {
    practiceId: string;
    document: SignableDocument;
    actor: AuditActor;
    signerName: string;
    signerCredentials: string;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(documentSignoffs).values({
      practiceId: input.practiceId,
      documentId: input.document.id,
      documentVersion: input.document.version,
      signedOffBy: input.actor.id,
      signerName: input.signerName,
      signerCredentials: input.signerCredentials,
    });
    await recordPracticeEvent(tx, {
      practiceId: input.practiceId,
      actor: input.actor,
      action: 'document-signed-off',
      details: {
        document: {
          id: input.document.id,
          version: input.document.version,
          title: input.document.title,
          signedAs: `${input.signerName}, ${input.signerCredentials}`,
        },
      },
    });
  });
}

/** The reviewer line of one document for a practice, in the document's locale. */
export async function reviewerLineFor(
  db: Db,
  input: { practice: { id: string; name: string }; documentId: string; locale: Locale },
): Promise<string> {
  const document = signableDocument(input.documentId, input.locale);
  const signoff = (await currentSignoffs(db, input.practice.id)).get(input.documentId);
  return document ? reviewerLine(lineInput(input.practice, document), signoff) : '';
}

/** What {@link reviewerLine} needs from a practice and a document. */
export function lineInput(practice: { name: string }, document: SignableDocument): LineInput {
  return {
    practiceName: practice.name,
    version: document.version,
    reviewer: document.reviewer,
    reviewedAt: document.reviewedAt,
    locale: document.locale,
  };
}

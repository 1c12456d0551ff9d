import { createHash } from 'node:crypto';
import type { BrandKitInput } from '@groundwork/pdf/brand';
import { and, desc, eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client.server';
import { brandKitVersions, brandLogos, practices } from '../../db/schema.server';
import type { StoredBrandKit } from '../../db/schema.server';
import { DEFAULT_BRAND } from './brand-form';
import type { ProcessedLogo } from './logo.server';

/** One saved version of a practice's brand kit (without the logo bytes). */
export interface BrandKitVersion {
  id: string;
  version: number;
  settings: StoredBrandKit;
  logoId: string | null;
  createdAt: Date;
}

/** The settings a practice without a saved brand kit gets. */
export const DEFAULT_SETTINGS: StoredBrandKit = {
  colours: { primary: DEFAULT_BRAND.primaryColor, accent: DEFAULT_BRAND.accentColor },
  typeface: DEFAULT_BRAND.typeface,
  practice: {},
};

/** The practice's current (highest) brand-kit version, or null before the first save. */
export async function getCurrentBrandKit(
  db: Db,
  practiceId: string,
): Promise<BrandKitVersion | null> {
  const [row] = await db
    .select({
      id: brandKitVersions.id,
      version: brandKitVersions.version,
      settings: brandKitVersions.settings,
      logoId: brandKitVersions.logoId,
      createdAt: brandKitVersions.createdAt,
    })
    .from(brandKitVersions)
    .where(eq(brandKitVersions.practiceId, practiceId))
    .orderBy(desc(brandKitVersions.version))
    .limit(1);
  return row ?? null;
}

/** What to do with the logo when saving: keep the current one, remove it, or use a new one. */
export type LogoChange =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'replace'; logo: ProcessedLogo };

/**
 * Saves a new brand-kit version (n+1) in one transaction: the logo row (if
 * new) and the version row are written together or not at all. The practice
 * row is locked so two owners saving at once get consecutive versions.
 */
export async function saveBrandKit(
  db: Db,
  input: { practiceId: string; userId: string; settings: StoredBrandKit; logo: LogoChange },
): Promise<BrandKitVersion> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select id from ${practices} where ${practices.id} = ${input.practiceId} for update`,
    );
    const [current] = await tx
      .select({ version: brandKitVersions.version, logoId: brandKitVersions.logoId })
      .from(brandKitVersions)
      .where(eq(brandKitVersions.practiceId, input.practiceId))
      .orderBy(desc(brandKitVersions.version))
      .limit(1);

    let logoId: string | null = null;
    if (input.logo.kind === 'keep') {
      logoId = current?.logoId ?? null;
    } else if (input.logo.kind === 'replace') {
      const { logo } = input.logo;
      const sha256 = createHash('sha256').update(logo.bytes).digest('hex');
      await tx
        .insert(brandLogos)
        .values({
          practiceId: input.practiceId,
          sha256,
          mimeType: logo.mimeType,
          width: logo.width,
          height: logo.height,
          bytes: logo.bytes,
        })
        .onConflictDoNothing({ target: [brandLogos.practiceId, brandLogos.sha256] });
      const [stored] = await tx
        .select({ id: brandLogos.id })
        .from(brandLogos)
        .where(and(eq(brandLogos.practiceId, input.practiceId), eq(brandLogos.sha256, sha256)));
      if (!stored) throw new Error('The logo row was neither inserted nor found');
      logoId = stored.id;
    }

    const [saved] = await tx
      .insert(brandKitVersions)
      .values({
        practiceId: input.practiceId,
        version: (current?.version ?? 0) + 1,
        settings: input.settings,
        logoId,
        createdBy: input.userId,
      })
      .returning({
        id: brandKitVersions.id,
        version: brandKitVersions.version,
        settings: brandKitVersions.settings,
        logoId: brandKitVersions.logoId,
        createdAt: brandKitVersions.createdAt,
      });
    if (!saved) throw new Error('Inserting the brand-kit version returned no row');
    return saved;
  });
  forgetCurrentBrandKit(db, input.practiceId);
  return result;
}

/** A practice's logo by id, only if it belongs to that practice. */
export async function getLogo(
  db: Db,
  { practiceId, logoId }: { practiceId: string; logoId: string },
): Promise<{ mimeType: string; bytes: Uint8Array; sha256: string } | null> {
  const [row] = await db
    .select({ mimeType: brandLogos.mimeType, bytes: brandLogos.bytes, sha256: brandLogos.sha256 })
    .from(brandLogos)
    .where(and(eq(brandLogos.practiceId, practiceId), eq(brandLogos.id, logoId)));
  return row ?? null;
}

/** The brand kit a render uses, with what identifies it in caches and the activity log. */
export interface RenderBrand {
  /** The version row's id, or null when the practice has not saved a brand kit. */
  versionId: string | null;
  /** The version number, or null for the defaults. */
  version: number | null;
  /**
   * Identifies everything printed from outside the document: the brand-kit
   * version and the practice name (which lives on the practice, not the kit).
   */
  cacheToken: string;
  settings: StoredBrandKit;
  logoId: string | null;
}

/**
 * How long this process may reuse a practice's current brand-kit version
 * without asking the database. A save in this process takes effect at once;
 * a save handled by another server instance is seen here within this time.
 */
export const BRAND_KIT_TTL_MS = 1000;

const currentBrandKits = new WeakMap<Db, LRUCache<string, { kit: BrandKitVersion | null }>>();

function brandKitCacheOf(db: Db) {
  let cache = currentBrandKits.get(db);
  if (!cache) {
    cache = new LRUCache({ max: 1000, ttl: BRAND_KIT_TTL_MS, ttlAutopurge: false });
    currentBrandKits.set(db, cache);
  }
  return cache;
}

/** Forgets this process's copy of a practice's current brand kit (after a save). */
export function forgetCurrentBrandKit(db: Db, practiceId: string): void {
  currentBrandKits.get(db)?.delete(practiceId);
}

/**
 * The practice's current brand kit, read from the database at most once per
 * {@link BRAND_KIT_TTL_MS} per process (downloads ask for it on every request).
 */
async function recentBrandKit(db: Db, practiceId: string): Promise<BrandKitVersion | null> {
  const cache = brandKitCacheOf(db);
  const hit = cache.get(practiceId);
  if (hit) return hit.kit;
  const kit = await getCurrentBrandKit(db, practiceId);
  cache.set(practiceId, { kit });
  return kit;
}

/**
 * The current brand kit of a practice as a render needs it (logo bytes loaded
 * lazily). The version may lag a save made by another server instance by up
 * to {@link BRAND_KIT_TTL_MS}; cache keys and ETags always carry the version
 * actually used, so a stale PDF is never served under a newer version's key.
 */
export async function currentRenderBrand(
  db: Db,
  practice: { id: string; name: string },
): Promise<RenderBrand> {
  const current = await recentBrandKit(db, practice.id);
  const nameHash = createHash('sha256').update(practice.name).digest('base64url').slice(0, 16);
  return {
    versionId: current?.id ?? null,
    version: current?.version ?? null,
    cacheToken: `${current?.id ?? `default-${practice.id}`}.${nameHash}`,
    settings: current?.settings ?? DEFAULT_SETTINGS,
    logoId: current?.logoId ?? null,
  };
}

/** @groundwork/pdf's brand-kit input for a render: stored settings, practice name and logo bytes. */
export async function brandKitInputFor(
  db: Db,
  practice: { id: string; name: string },
  brand: RenderBrand,
): Promise<BrandKitInput> {
  const logo = brand.logoId
    ? await getLogo(db, { practiceId: practice.id, logoId: brand.logoId })
    : null;
  return {
    ...brand.settings,
    typeface: brand.settings.typeface as BrandKitInput['typeface'],
    practice: { ...brand.settings.practice, name: practice.name },
    ...(logo ? { logo: new Uint8Array(logo.bytes) } : {}),
  };
}

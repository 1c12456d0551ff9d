import {
  type Rule,
  type RuleOverride,
  type Ruleset,
  RulesetError,
  type Severity,
  customize,
  ketamineDefaultRuleset,
  parseRuleset,
} from '@groundwork/eligibility';
import { desc, eq } from 'drizzle-orm';
import * as z from 'zod';
import type { Db } from '../../db/client.server';
import { practiceRulesets, rulesetAudit } from '../../db/screening-schema.server';

/** The ruleset every practice starts from (and customises). */
export const BASE_RULESET: Ruleset = ketamineDefaultRuleset;

/** A practice's current screening ruleset and where it came from. */
export interface PracticeRuleset {
  ruleset: Ruleset;
  /** 0 = the unchanged default; 1, 2, 3 … = the practice's saved versions. */
  revision: number;
  /** The practice's overrides of {@link BASE_RULESET}, by rule id. */
  overrides: Record<string, RuleOverride>;
  savedAt: Date | null;
}

/**
 * A stored ruleset version that no longer passes the package schema. Screening
 * must stop rather than quietly run on other rules; the route turns this into
 * a 500 page and a log line (no patient data: there is none on the server).
 */
export class StoredRulesetError extends Error {
  override readonly name = 'StoredRulesetError';
  constructor(
    readonly practiceId: string,
    readonly revision: number,
    readonly issues: { path: string; message: string }[],
    options?: ErrorOptions,
  ) {
    super(
      `Stored screening ruleset revision ${revision} of practice ${practiceId} is invalid: ${issues
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
      options,
    );
  }
}

/** Two owners saved at once: the second save lost the race and must reload. */
export class RulesetConflictError extends Error {
  override readonly name = 'RulesetConflictError';
}

const StoredOverridesSchema = z.record(
  z.string(),
  z.looseObject({ reason: z.string().optional() }).transform((value) => value as RuleOverride),
);

function asIssues(error: unknown): { path: string; message: string }[] {
  if (error instanceof RulesetError) return error.issues;
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => ({
      path: `overrides.${issue.path.join('.')}`,
      message: issue.message,
    }));
  }
  return [{ path: '(ruleset)', message: error instanceof Error ? error.name : 'unreadable' }];
}

type Queryable = Pick<Db, 'select'>;

/**
 * The practice's current ruleset: its latest saved version, validated again
 * with the package schema on every read, or {@link BASE_RULESET} (revision 0)
 * when it never customised. Throws {@link StoredRulesetError} for a malformed
 * stored version — never falls back to the default.
 */
export async function currentRuleset(db: Queryable, practiceId: string): Promise<PracticeRuleset> {
  const [row] = await db
    .select()
    .from(practiceRulesets)
    .where(eq(practiceRulesets.practiceId, practiceId))
    .orderBy(desc(practiceRulesets.revision))
    .limit(1);
  if (!row) return { ruleset: BASE_RULESET, revision: 0, overrides: {}, savedAt: null };
  try {
    return {
      ruleset: parseRuleset(row.ruleset),
      revision: row.revision,
      overrides: StoredOverridesSchema.parse(row.overrides),
      savedAt: row.createdAt,
    };
  } catch (error) {
    throw new StoredRulesetError(practiceId, row.revision, asIssues(error), { cause: error });
  }
}

/** One audit entry: who changed which rule, from what to what, why and when. */
export interface RulesetAuditEntry {
  revision: number;
  ruleId: string;
  change: RuleChangeRecord;
  reason: string;
  userName: string;
  createdAt: Date;
}

/** The settings of a rule that an owner can change. */
export interface RuleSettings {
  severity: Severity;
  enabled: boolean;
  parameters: Record<string, number | string | boolean>;
}

/** What an audit entry records: only the settings that changed, before and after. */
export interface RuleChangeRecord {
  before: Partial<RuleSettings>;
  after: Partial<RuleSettings>;
}

const ChangeRecordSchema = z.object({
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

/** The practice's ruleset audit trail, newest first. */
export async function listRulesetAudit(
  db: Queryable,
  practiceId: string,
): Promise<RulesetAuditEntry[]> {
  const rows = await db
    .select()
    .from(rulesetAudit)
    .where(eq(rulesetAudit.practiceId, practiceId))
    .orderBy(desc(rulesetAudit.createdAt), desc(rulesetAudit.revision));
  return rows.map((row) => ({
    revision: row.revision,
    ruleId: row.ruleId,
    change: ChangeRecordSchema.parse(row.change) as RuleChangeRecord,
    reason: row.reason,
    userName: row.userName,
    createdAt: row.createdAt,
  }));
}

/** The settings of a rule as they stand in a ruleset. */
export function settingsOf(rule: Rule): RuleSettings {
  return { severity: rule.severity, enabled: rule.enabled, parameters: { ...rule.parameters } };
}

/** Only what differs between two settings of one rule (empty `after` = nothing changed). */
export function diffSettings(before: RuleSettings, after: RuleSettings): RuleChangeRecord {
  const record: RuleChangeRecord = { before: {}, after: {} };
  if (before.severity !== after.severity) {
    record.before.severity = before.severity;
    record.after.severity = after.severity;
  }
  if (before.enabled !== after.enabled) {
    record.before.enabled = before.enabled;
    record.after.enabled = after.enabled;
  }
  for (const [name, value] of Object.entries(after.parameters)) {
    if (before.parameters[name] !== value) {
      record.before.parameters = {
        ...record.before.parameters,
        [name]: before.parameters[name] ?? '',
      };
      record.after.parameters = { ...record.after.parameters, [name]: value };
    }
  }
  return record;
}

/** Build metadata for the practice's versions (`1.0.0+practice-1a2b3c4d.3`). */
export function practiceTag(practiceId: string): string {
  return `practice-${practiceId.replaceAll('-', '').slice(0, 8).toLowerCase()}`;
}

/**
 * Saves a change to one rule as a new ruleset version with an audit entry,
 * in one transaction. The whole ruleset is rebuilt from the base with
 * `customize` and validated before it is written. Returns the new revision.
 * Throws `RulesetError` for a change the package rejects and
 * {@link RulesetConflictError} when someone else saved first.
 */
export async function changeRule(
  db: Db,
  input: {
    practiceId: string;
    user: { id: string; name: string };
    ruleId: string;
    settings: RuleSettings;
    reason: string;
    /** The revision the owner was looking at: a stale form is refused. */
    basedOnRevision: number;
  },
): Promise<{ revision: number; change: RuleChangeRecord }> {
  return db.transaction(async (tx) => {
    const current = await currentRuleset(tx, input.practiceId);
    if (current.revision !== input.basedOnRevision) {
      throw new RulesetConflictError(
        `The rules changed (now version ${current.revision}, the form showed ${input.basedOnRevision}).`,
      );
    }
    const rule = current.ruleset.rules.find((candidate) => candidate.id === input.ruleId);
    if (!rule) {
      throw new RulesetError([{ path: 'ruleId', message: `no rule "${input.ruleId}"` }]);
    }
    const change = diffSettings(settingsOf(rule), input.settings);
    const previous = current.overrides[input.ruleId] ?? {};
    const override: RuleOverride = {
      ...previous,
      severity: input.settings.severity,
      enabled: input.settings.enabled,
      reason: input.reason,
      ...(Object.keys(input.settings.parameters).length > 0
        ? { parameters: { ...previous.parameters, ...input.settings.parameters } }
        : {}),
    };
    const overrides = { ...current.overrides, [input.ruleId]: override };
    const revision = current.revision + 1;
    const built = customize(BASE_RULESET, {
      practiceId: practiceTag(input.practiceId),
      revision,
      rules: overrides,
    });
    // Validate exactly what is written (JSON round trip), not just the object in memory.
    const json: unknown = JSON.parse(JSON.stringify(built));
    parseRuleset(json);
    const inserted = await tx
      .insert(practiceRulesets)
      .values({
        practiceId: input.practiceId,
        revision,
        ruleset: json,
        overrides,
        createdBy: input.user.id,
      })
      .onConflictDoNothing()
      .returning({ id: practiceRulesets.id });
    if (inserted.length === 0) {
      throw new RulesetConflictError(`Version ${revision} was saved by someone else first.`);
    }
    await tx.insert(rulesetAudit).values({
      practiceId: input.practiceId,
      revision,
      ruleId: input.ruleId,
      change,
      reason: input.reason,
      userId: input.user.id,
      userName: input.user.name,
    });
    return { revision, change };
  });
}

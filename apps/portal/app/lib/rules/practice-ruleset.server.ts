import type { Ruleset } from '@groundwork/eligibility';
import { getReference } from '@groundwork/content';
import { INSTRUMENTS } from '@groundwork/eligibility';
import type { Db } from '../../db/client.server';
import { type PracticeRuleset, StoredRulesetError, currentRuleset } from './rulesets.server';
import { logServerError } from '../server-log.server';

/** A citation the browser shows for a reference id. */
export interface Citation {
  citation: string;
  url?: string;
}

/**
 * The practice's current ruleset for a loader or action. A stored version
 * that fails the package schema stops the request with a 500 page saying so
 * and one log line (practice id, revision and the failing paths only).
 */
export async function requirePracticeRuleset(db: Db, practiceId: string): Promise<PracticeRuleset> {
  try {
    return await currentRuleset(db, practiceId);
  } catch (error) {
    if (!(error instanceof StoredRulesetError)) throw error;
    logServerError('stored screening ruleset is invalid', {
      practiceId: error.practiceId,
      revision: error.revision,
      paths: error.issues.map((issue) => issue.path),
    });
    throw new Response(
      `This practice's screening rules (version ${error.revision}) are stored in a form that no longer passes validation, so screening and rule changes are stopped rather than run on different rules. An administrator must repair or remove that version; the error has been logged.`,
      { status: 500, statusText: 'Invalid stored ruleset' },
    );
  }
}

/** Citations of every reference a ruleset's rules and instruments cite, by id. */
export function citationsFor(ruleset: Ruleset): Record<string, Citation> {
  const ids = new Set<string>();
  for (const rule of ruleset.rules) for (const id of rule.references) ids.add(id);
  for (const question of ruleset.questions) {
    if (question.type === 'instrument') ids.add(INSTRUMENTS[question.instrument].reference);
  }
  const citations: Record<string, Citation> = {};
  for (const id of ids) {
    const reference = getReference(id);
    if (!reference) continue;
    const url = reference.url ?? (reference.doi ? `https://doi.org/${reference.doi}` : undefined);
    citations[id] = { citation: reference.citation, ...(url ? { url } : {}) };
  }
  return citations;
}

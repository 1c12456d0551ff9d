import { type Ruleset, parseRuleset } from '../ruleset.js';
import { deepFreeze } from '../deep-freeze.js';
import { KETAMINE_DEFAULT_QUESTIONS } from './questions.js';
import { KETAMINE_DEFAULT_RULES } from './rules.js';

/**
 * The default ketamine screening ruleset (`ketamine-default`): contraindications
 * and precautions drawn from the ketamine and esketamine labels and consensus
 * statements. Decision support for a clinician; practices tune it with `customize`.
 */
export const ketamineDefaultRuleset: Ruleset = deepFreeze(
  parseRuleset({
    id: 'ketamine-default',
    version: '1.2.0',
    title: {
      en: 'Ketamine-assisted therapy: default screening rules',
      es: 'Terapia asistida con ketamina: reglas de evaluación predeterminadas',
    },
    questions: KETAMINE_DEFAULT_QUESTIONS,
    rules: KETAMINE_DEFAULT_RULES,
  }),
);

import type {
  Decision,
  Finding,
  FindingReference,
  HiddenAnswerWarning,
  ScreeningResult,
  Severity,
} from '@groundwork/eligibility';
import {
  fromFhirQuestionnaireResponse,
  ketamineDefaultRuleset,
  screen,
} from '@groundwork/eligibility';
import { expectTypeOf } from 'vitest';

// The public result types are a contract with the portal: changing them is a breaking change.
expectTypeOf<Decision>().toEqualTypeOf<
  'eligible' | 'incomplete' | 'needs-review' | 'defer' | 'ineligible'
>();
expectTypeOf<Severity>().toEqualTypeOf<'exclude' | 'defer' | 'review' | 'info'>();
expectTypeOf(screen).parameter(0).toEqualTypeOf<unknown>();
expectTypeOf(screen({}, ketamineDefaultRuleset)).toEqualTypeOf<ScreeningResult>();
expectTypeOf<Finding['references']>().toEqualTypeOf<FindingReference[]>();
expectTypeOf<Finding['message']>().toEqualTypeOf<{ en: string; es: string }>();
expectTypeOf(fromFhirQuestionnaireResponse(null, ketamineDefaultRuleset)).toExtend<
  { ok: true } | { ok: false }
>();
expectTypeOf<ScreeningResult['warnings'][number]>().toEqualTypeOf<HiddenAnswerWarning>();
expectTypeOf<HiddenAnswerWarning['kind']>().toEqualTypeOf<'hidden-answer'>();
expectTypeOf<HiddenAnswerWarning['hiddenBy']>().toEqualTypeOf<string[]>();

export type { AnswerError, Answers, AnswerValue, BloodPressure } from './answers.js';
export { answerSchemaFor, answersSchemaFor } from './answers.js';
export type { Comparison, Condition, Literal, Operand } from './condition.js';
export { ConditionSchema, OperandSchema } from './condition.js';
export type { Decision } from './decision.js';
export { DECISIONS, decisionRank, mostRestrictive } from './decision.js';
export { scoreGad7, GAD7 } from './instruments/gad7.js';
export { INSTRUMENTS, scoreInstrument } from './instruments/index.js';
export type {
  InstrumentDefinition,
  InstrumentId,
  InstrumentScore,
  Result,
  ScoreBand,
} from './instruments/instrument.js';
export { INSTRUMENT_IDS } from './instruments/instrument.js';
export type { Pcl5Options } from './instruments/pcl5.js';
export {
  PCL5,
  PCL5_CLUSTERS,
  PCL5_DEFAULT_CUT_POINT,
  pcl5ClustersMet,
  scorePcl5,
} from './instruments/pcl5.js';
export { PHQ9, scorePhq9 } from './instruments/phq9.js';
export { ketamineDefaultRuleset } from './ketamine-default/index.js';
export type { Option, Question, QuestionType } from './question.js';
export { BLOOD_PRESSURE_RANGE, QuestionSchema } from './question.js';
export { questionsFor } from './questions-for.js';
export type { FindingReference } from './references.js';
export { resolveReference } from './references.js';
export type { ParameterRange, ParameterRangeInput } from './parameter-range.js';
export { ParameterRangeSchema } from './parameter-range.js';
export type { Rule, RuleInput, Severity } from './rule.js';
export { RuleSchema, SEVERITIES } from './rule.js';
export type { Ruleset, RulesetInput, RulesetIssue } from './ruleset.js';
export { INSTRUMENT_FLAGS } from './ruleset-checks.js';
export {
  parseRuleset,
  RulesetError,
  RulesetSchema,
  rulesetIssues,
} from './ruleset.js';
export type { HiddenAnswerWarning, ScreeningWarning } from './hidden-answers.js';
export type { Finding, ScreeningResult } from './screen.js';
export { screen } from './screen.js';
export type { Locale, LocalizedText } from './text.js';
export { LOCALES, LocalizedTextSchema } from './text.js';
export type { RuleOverride, RulesetOverrides } from './customize.js';
export { customize, RulesetOverridesSchema } from './customize.js';
export { explain } from './explain.js';
export type {
  FhirExtension,
  FhirQuestionnaire,
  FhirQuestionnaireItem,
} from './fhir-questionnaire.js';
export { fromFhirQuestionnaireResponse } from './fhir-response.js';
export { toFhirQuestionnaire } from './fhir-questionnaire.js';
export type { FhirEnableWhen } from './fhir-enable-when.js';

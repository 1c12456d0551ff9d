import * as z from 'zod';
import { IsoDateSchema, SlugSchema } from './reference.js';
import { RouteSchema } from './routes.js';
import { SemverSchema } from './document.js';

/** US state, district and territory codes a practice may be in. */
export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
] as const;

/** A US state, district or territory code such as `CA`. */
export const StateCodeSchema = z.enum(US_STATES);

/** A US state, district or territory code such as `CA`. */
export type StateCode = z.infer<typeof StateCodeSchema>;

/** Roles that own checklist items. */
export const OWNER_ROLES = [
  'owner',
  'prescriber',
  'nurse',
  'therapist',
  'office-manager',
  'billing',
] as const;

/** The role that owns a checklist item. */
export const OwnerRoleSchema = z.enum(OWNER_ROLES);

/** The role that owns a checklist item. */
export type OwnerRole = z.infer<typeof OwnerRoleSchema>;

/**
 * When a checklist item applies. Every condition given must hold (AND);
 * an empty or absent condition applies to every practice.
 */
export const AppliesWhenSchema = z.strictObject({
  /** The practice offers at least one of these routes. */
  routesAny: z.array(RouteSchema).min(1).optional(),
  /** The practice does (true) or does not (false) offer telehealth. */
  telehealth: z.boolean().optional(),
  /** The practice is in one of these states. */
  states: z.array(StateCodeSchema).min(1).optional(),
});

/** When a checklist item applies (conditions combined with AND). */
export type AppliesWhen = z.infer<typeof AppliesWhenSchema>;

/** One thing a practice must do before offering treatment. */
export const ChecklistItemSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1),
  why: z.string().min(1),
  steps: z.array(z.string().min(1)).min(1),
  /** Reference ids from the registry. */
  references: z.array(SlugSchema),
  owner: OwnerRoleSchema,
  appliesWhen: AppliesWhenSchema.optional(),
});

/** One thing a practice must do before offering treatment. */
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** A group of checklist items, such as licensing or emergency readiness. */
export const ChecklistSectionSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1),
  items: z.array(ChecklistItemSchema).min(1),
});

/** A group of checklist items. */
export type ChecklistSection = z.infer<typeof ChecklistSectionSchema>;

/** The practice onboarding checklist template, versioned on its own. */
export const ChecklistTemplateSchema = z.strictObject({
  id: SlugSchema,
  version: SemverSchema,
  title: z.string().min(1),
  reviewedAt: IsoDateSchema,
  reviewer: z.string().min(1),
  sections: z.array(ChecklistSectionSchema).min(1),
});

/** The practice onboarding checklist template. */
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

/** What `applicableItems` needs to know about a practice. */
export const PracticeProfileSchema = z.strictObject({
  routes: z.array(RouteSchema),
  telehealth: z.boolean(),
  state: StateCodeSchema,
});

/** What `applicableItems` needs to know about a practice. */
export type PracticeProfile = z.infer<typeof PracticeProfileSchema>;

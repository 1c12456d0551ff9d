import * as z from 'zod';
import { ROUTES, US_STATES } from '@groundwork/content';
import { MEMBER_ROLES } from './auth/roles';

/** A new password: 12+ characters (NIST SP 800-63B favours length over rules). */
const NewPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(200, 'Use at most 200 characters.');

/** Sign-up form. */
export const SignupSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120, 'Use at most 120 characters.'),
  email: z.string().trim().pipe(z.email('Enter an e-mail address like name@example.org.')),
  password: NewPasswordSchema,
});

/** Change-password form (/account). */
export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string()
    .min(1, 'Enter your current password.')
    .max(200, 'Use at most 200 characters.'),
  newPassword: NewPasswordSchema,
});

/** Forgot-password form: the address to send a reset link to. */
export const ForgotPasswordSchema = z.object({
  email: z.string().trim().pipe(z.email('Enter an e-mail address like name@example.org.')),
});

/** Reset-password form: the new password. */
export const ResetPasswordSchema = z.object({ password: NewPasswordSchema });

/** Log-in form. */
export const LoginSchema = z.object({
  email: z.string().trim().pipe(z.email('Enter the e-mail address you signed up with.')),
  password: z.string().min(1, 'Enter your password.').max(200, 'Use at most 200 characters.'),
});

/** Practice profile form (create and edit). */
export const PracticeProfileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the practice name.')
    .max(120, 'Use at most 120 characters.'),
  state: z.enum(US_STATES, { message: 'Choose the US state where the practice operates.' }),
  routes: z
    .array(z.enum(ROUTES, { message: 'Choose routes from the list.' }))
    .min(1, 'Choose at least one route of administration.'),
  telehealth: z.enum(['yes', 'no'], { message: 'Say whether the practice offers telehealth.' }),
});

/** Invite form. */
export const InviteSchema = z.object({
  email: z.string().trim().pipe(z.email('Enter an e-mail address like name@example.org.')),
  role: z.enum(MEMBER_ROLES, { message: 'Choose a role.' }),
});

/** Any form posting a practice id (switcher). */
export const PracticeIdSchema = z.object({ practiceId: z.uuid('Choose a practice.') });

/** Any form posting a user id (remove member). */
export const UserIdSchema = z.object({ userId: z.uuid('Choose a member.') });

/** An owner's grant or withdrawal of a staff member's right to see patient details. */
export const PatientDetailsRightSchema = z.object({
  userId: z.uuid('Choose a member.'),
  grant: z.enum(['yes', 'no'], { message: 'Choose whether to give or take away the right.' }),
});

/** An owner's change of a member's role. */
export const ChangeRoleSchema = z.object({
  userId: z.uuid('Choose a member.'),
  role: z.enum(MEMBER_ROLES, { message: 'Choose a role.' }),
});

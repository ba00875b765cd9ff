import * as z from 'zod';
import { Problem, problemTypePrefix } from './problem.ts';

export const StandingStatus = z.enum(['good', 'due_soon', 'past_due', 'locked']);
export type StandingStatus = z.infer<typeof StandingStatus>;

const Person = z.object({ name: z.string().nullable(), email: z.string().nullable() });

/** The account's standing, as the host product and the lockout gate need it. */
export const AccountStanding = z
  .object({
    status: StandingStatus.describe(
      'good; due_soon: an open invoice falls due within the configured window; past_due: a due date has passed; locked: the grace period after the oldest past-due date is over.',
    ),
    currency: z.string(),
    balanceDue: z.int().describe('All open invoices, minor units.'),
    pastDueAmount: z.int().describe('Open invoices past their due date, minor units.'),
    oldestDueAt: z.string().nullable().describe('Due date of the oldest unpaid past-due invoice.'),
    lockAt: z.string().nullable().describe('Date the lock starts (or started); null when nothing is past due, or less than the lock minimum.'),
    nextDueAt: z.string().nullable().describe('Due date of the earliest open invoice not yet past due (the date a due_soon notice names).'),
    contact: z.object({
      siteAdmin: Person.nullable(),
      support: z.object({ email: z.string() }).nullable(),
    }),
  })
  .meta({ id: 'AccountStanding' });
export type AccountStanding = z.infer<typeof AccountStanding>;

/** GET /v1/standing adds what this user may do about it. */
export const Standing = AccountStanding.extend({
  canPay: z.boolean().describe('This user holds Customer Portal View and so may pay.'),
}).meta({ id: 'Standing' });
export type Standing = z.infer<typeof Standing>;

/** The problem type of a locked account; the host's guard answers it, never the portal API itself. */
export const accountLockedType = `${problemTypePrefix}account-locked`;

/** What `requireGoodStanding` answers a locked account on the host's own routes (402 unless configured 403). */
export const AccountLockedProblem = Problem.extend({ standing: AccountStanding }).meta({ id: 'AccountLockedProblem' });
export type AccountLockedProblem = z.infer<typeof AccountLockedProblem>;

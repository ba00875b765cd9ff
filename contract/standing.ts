import * as z from 'zod';

export const StandingStatus = z.enum(['good', 'past_due', 'locked']);
export type StandingStatus = z.infer<typeof StandingStatus>;

const Person = z.object({ name: z.string().nullable(), email: z.string().nullable() });

/** The account's standing, as the host product and the lockout gate need it. */
export const AccountStanding = z
  .object({
    status: StandingStatus,
    currency: z.string(),
    balanceDue: z.int().describe('All open invoices, minor units.'),
    pastDueAmount: z.int().describe('Open invoices past their due date, minor units.'),
    oldestDueAt: z.string().nullable().describe('Due date of the oldest unpaid past-due invoice.'),
    lockAt: z.string().nullable().describe('Date the account locks (or locked), if anything is past due.'),
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

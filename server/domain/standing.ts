import type { StandingStatus } from '../../contract/standing.ts';
import { addDays } from './calendar.ts';
import { isPastDue } from './past-due.ts';

export interface AmountDue {
  dueAt: string;
  amountDue: number;
}

export interface StandingFigures {
  status: StandingStatus;
  balanceDue: number;
  pastDueAmount: number;
  oldestDueAt: string | null;
  lockAt: string | null;
  nextDueAt: string | null;
}

/** The vendor's settings that turn invoices into a standing. */
export interface StandingRules {
  /** Days after the oldest missed due date until the account locks. */
  graceDays: number;
  /** An open invoice falling due within this many days (0: today) makes the account due_soon. */
  dueSoonDays: number;
  /** Minor units: an account owing less than this past due is never locked. */
  lockMinimum: number;
}

/**
 * An account is due_soon while an open invoice falls due within `dueSoonDays`, past due once one
 * passes its due date, and locked `graceDays` after the oldest such due date, unless what is past
 * due stays below `lockMinimum` (then no lock date at all). Paying brings it back at once: nothing
 * here is cached.
 */
export function computeStanding(amountsDue: AmountDue[], today: string, rules: StandingRules): StandingFigures {
  const owed = amountsDue.filter((invoice) => invoice.amountDue > 0);
  const pastDue = owed.filter((invoice) => isPastDue(invoice, today));
  const balanceDue = owed.reduce((sum, invoice) => sum + invoice.amountDue, 0);
  const pastDueAmount = pastDue.reduce((sum, invoice) => sum + invoice.amountDue, 0);
  const nextDueAt = owed.map((invoice) => invoice.dueAt).filter((dueAt) => dueAt >= today).sort()[0] ?? null;
  if (pastDue.length === 0) {
    const status = nextDueAt !== null && nextDueAt <= addDays(today, rules.dueSoonDays) ? 'due_soon' : 'good';
    return { status, balanceDue, pastDueAmount, oldestDueAt: null, lockAt: null, nextDueAt };
  }
  const oldestDueAt = pastDue.map((invoice) => invoice.dueAt).sort()[0]!;
  const lockAt = pastDueAmount >= rules.lockMinimum ? addDays(oldestDueAt, rules.graceDays) : null;
  const status = lockAt !== null && today >= lockAt ? 'locked' : 'past_due';
  return { status, balanceDue, pastDueAmount, oldestDueAt, lockAt, nextDueAt };
}

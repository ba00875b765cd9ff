import type { StandingStatus } from '../../contract/standing.ts';
import { addDays } from './calendar.ts';

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
}

/**
 * An account is past due once an open invoice passes its due date, and locked `graceDays` after
 * the oldest such due date. Paying brings it back at once: nothing here is cached.
 */
export function computeStanding(amountsDue: AmountDue[], today: string, graceDays: number): StandingFigures {
  const owed = amountsDue.filter((invoice) => invoice.amountDue > 0);
  const pastDue = owed.filter((invoice) => invoice.dueAt < today);
  const balanceDue = owed.reduce((sum, invoice) => sum + invoice.amountDue, 0);
  const pastDueAmount = pastDue.reduce((sum, invoice) => sum + invoice.amountDue, 0);
  if (pastDue.length === 0) {
    return { status: 'good', balanceDue, pastDueAmount, oldestDueAt: null, lockAt: null };
  }
  const oldestDueAt = pastDue.map((invoice) => invoice.dueAt).sort()[0]!;
  const lockAt = addDays(oldestDueAt, graceDays);
  return { status: today >= lockAt ? 'locked' : 'past_due', balanceDue, pastDueAmount, oldestDueAt, lockAt };
}

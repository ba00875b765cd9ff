import { addDays } from './calendar.ts';
import { isPastDue } from './past-due.ts';
import { computeStanding, type StandingFigures, type StandingRules } from './standing.ts';

/** When notices go out, in days relative to an invoice's due date or the account's lock date. */
export interface DunningSchedule {
  /** Days before the due date to send a reminder, e.g. [7, 1]. */
  reminderDays: number[];
  /** Days after the due date to send an overdue notice, e.g. [3, 10]. */
  overdueDays: number[];
  /** Days before the lock date to send the final warning; 0 sends none. */
  finalWarningDays: number;
}

export const noticeKinds = ['reminder', 'due', 'overdue', 'final-warning', 'locked'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** One notice about one invoice; `step` names it uniquely for that invoice (e.g. "reminder-7"). */
export interface Notice {
  step: string;
  kind: NoticeKind;
  /** The day it becomes due to be sent. */
  date: string;
}

export interface DunnedInvoice {
  id: string;
  issuedAt: string;
  dueAt: string;
  amountDue: number;
}

export interface DunningPlan {
  figures: StandingFigures;
  /** At most one notice per invoice: the one to send now, if it has not been sent. */
  notices: { invoiceId: string; notice: Notice }[];
}

const latest = (notices: Notice[]): Notice | undefined =>
  notices.reduce<Notice | undefined>((best, notice) => {
    if (!best || notice.date > best.date) return notice;
    if (notice.date === best.date && noticeKinds.indexOf(notice.kind) > noticeKinds.indexOf(best.kind)) return notice;
    return best;
  }, undefined);

const laterOf = (first: string, second: string) => (first > second ? first : second);

/** Every notice the schedule has for the invoice; the lock's notices only for the invoice that sets the lock date. */
function scheduleOf(invoice: DunnedInvoice, schedule: DunningSchedule, lock: { lockAt: string; invoiceId: string } | null): Notice[] {
  const firstDayPastDue = addDays(invoice.dueAt, 1);
  const notices: Notice[] = [
    ...schedule.reminderDays.map((days) => ({ step: `reminder-${days}`, kind: 'reminder' as const, date: addDays(invoice.dueAt, -days) })),
    { step: 'due', kind: 'due', date: invoice.dueAt },
    // Once the account is locked, the lock notice speaks for every overdue invoice.
    ...schedule.overdueDays
      .map((days) => ({ step: `overdue-${days}`, kind: 'overdue' as const, date: addDays(invoice.dueAt, days) }))
      .filter((notice) => !lock || notice.date < lock.lockAt),
  ];
  if (lock?.invoiceId === invoice.id) {
    const lockedOn = laterOf(lock.lockAt, firstDayPastDue);
    const warnOn = laterOf(addDays(lock.lockAt, -schedule.finalWarningDays), firstDayPastDue);
    if (schedule.finalWarningDays > 0 && warnOn < lockedOn) notices.push({ step: 'final-warning', kind: 'final-warning', date: warnOn });
    notices.push({ step: 'locked', kind: 'locked', date: lockedOn });
  }
  return notices;
}

/** Whether the notice still says something true today: a reminder before the due date, "due today" on it. */
function isCurrent(notice: Notice, invoice: DunnedInvoice, today: string): boolean {
  if (notice.kind === 'reminder') return today < invoice.dueAt;
  if (notice.kind === 'due') return today === invoice.dueAt;
  return true;
}

/**
 * What an account should be told today: for each open invoice, the most recent notice whose day
 * has come and that is still true. Earlier notices it never got (an invoice imported late, a job
 * that was off for a week) are skipped, not sent in a burst: only the newest says what is true today.
 */
export function planNotices(invoices: DunnedInvoice[], today: string, rules: StandingRules, schedule: DunningSchedule): DunningPlan {
  const figures = computeStanding(invoices, today, rules);
  const lockSetter = invoices
    .filter((invoice) => isPastDue(invoice, today))
    .sort((first, second) => first.dueAt.localeCompare(second.dueAt) || first.id.localeCompare(second.id))[0];
  const lock = figures.lockAt && lockSetter ? { lockAt: figures.lockAt, invoiceId: lockSetter.id } : null;
  const notices = invoices
    .filter((invoice) => invoice.amountDue > 0 && invoice.issuedAt <= today)
    .flatMap((invoice) => {
      const notice = latest(scheduleOf(invoice, schedule, lock).filter((candidate) => candidate.date <= today && isCurrent(candidate, invoice, today)));
      return notice ? [{ invoiceId: invoice.id, notice }] : [];
    });
  return { figures, notices };
}

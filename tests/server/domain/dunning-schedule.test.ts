import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../../server/domain/calendar.ts';
import { type DunnedInvoice, type DunningSchedule, planNotices } from '../../../server/domain/dunning-schedule.ts';
import type { StandingRules } from '../../../server/domain/standing.ts';

const rules: StandingRules = { graceDays: 14, dueSoonDays: 7, lockMinimum: 0 };
const schedule: DunningSchedule = { reminderDays: [7, 1], overdueDays: [3, 10], finalWarningDays: 3 };
const invoice: DunnedInvoice = { id: 'inv_a', issuedAt: '2026-11-01', dueAt: '2026-12-01', amountDue: 4900 };

const stepsOn = (today: string, invoices: DunnedInvoice[] = [invoice], rulesToday = rules, scheduleToday = schedule) =>
  planNotices(invoices, today, rulesToday, scheduleToday).notices.map(({ invoiceId, notice }) => `${invoiceId} ${notice.step}`);

describe('planNotices', () => {
  it('names, day by day, the notice whose day has come: reminders, due date, overdue, final warning, lock', () => {
    const days = Array.from({ length: 20 }, (_, index) => addDays('2026-11-22', index));
    const steps = days.map((day) => `${day} ${stepsOn(day).join()}`);
    assert.deepEqual(steps, [
      '2026-11-22 ',
      '2026-11-23 ',
      '2026-11-24 inv_a reminder-7',
      '2026-11-25 inv_a reminder-7',
      '2026-11-26 inv_a reminder-7',
      '2026-11-27 inv_a reminder-7',
      '2026-11-28 inv_a reminder-7',
      '2026-11-29 inv_a reminder-7',
      '2026-11-30 inv_a reminder-1',
      '2026-12-01 inv_a due',
      '2026-12-02 ',
      '2026-12-03 ',
      '2026-12-04 inv_a overdue-3',
      '2026-12-05 inv_a overdue-3',
      '2026-12-06 inv_a overdue-3',
      '2026-12-07 inv_a overdue-3',
      '2026-12-08 inv_a overdue-3',
      '2026-12-09 inv_a overdue-3',
      '2026-12-10 inv_a overdue-3',
      '2026-12-11 inv_a overdue-10',
    ]);
    assert.deepEqual(stepsOn('2026-12-12'), ['inv_a final-warning']);
    assert.deepEqual(stepsOn('2026-12-15'), ['inv_a locked']);
    assert.deepEqual(stepsOn('2027-03-01'), ['inv_a locked']);
  });

  it('names only the newest notice for an invoice first seen long after its due date', () => {
    const imported = { ...invoice, issuedAt: '2026-01-01', dueAt: '2026-01-31' };
    assert.deepEqual(stepsOn('2026-11-27', [imported]), ['inv_a locked']);
    assert.deepEqual(stepsOn('2026-11-27', [imported], { ...rules, lockMinimum: 5000 }), ['inv_a overdue-10']);
  });

  it('never sends a notice late that is no longer true: no reminder on or after the due date, no "due today" the day after', () => {
    const dueYesterday = { ...invoice, issuedAt: '2026-11-28', dueAt: '2026-11-29' };
    assert.deepEqual(stepsOn('2026-11-30', [dueYesterday]), []);
    const dueToday = { ...invoice, issuedAt: '2026-11-29', dueAt: '2026-11-30' };
    assert.deepEqual(stepsOn('2026-11-30', [dueToday]), ['inv_a due']);
    assert.deepEqual(stepsOn('2026-12-02', [invoice], rules, { ...schedule, overdueDays: [] }), []);
  });

  it('drops overdue notices from the lock date on: the lock notice speaks for them', () => {
    const shortGrace = { ...rules, graceDays: 7 };
    assert.deepEqual(stepsOn('2026-12-05', [invoice], shortGrace), ['inv_a final-warning']);
    assert.deepEqual(stepsOn('2026-12-11', [invoice], shortGrace), ['inv_a locked']);
  });

  it('sends the final warning and the lock notice about the invoice that sets the lock date only', () => {
    const newer = { id: 'inv_b', issuedAt: '2026-11-15', dueAt: '2026-12-10', amountDue: 1500 };
    assert.deepEqual(stepsOn('2026-12-15', [invoice, newer]), ['inv_a locked', 'inv_b overdue-3']);
  });

  it('sends no final warning with the setting at 0, nor when the lock comes too soon for one', () => {
    assert.deepEqual(stepsOn('2026-12-12', [invoice], rules, { ...schedule, finalWarningDays: 0 }), ['inv_a overdue-10']);
    assert.deepEqual(stepsOn('2026-12-02', [invoice], { ...rules, graceDays: 1 }), ['inv_a locked']);
  });

  it('sends nothing before an invoice is issued, and nothing about one that is paid', () => {
    assert.deepEqual(stepsOn('2026-11-30', [{ ...invoice, issuedAt: '2026-12-01' }]), []);
    assert.deepEqual(stepsOn('2026-12-20', [{ ...invoice, amountDue: 0 }]), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeStanding, type StandingRules } from '../../../server/domain/standing.ts';

const rules: StandingRules = { graceDays: 14, dueSoonDays: 7, lockMinimum: 0 };

describe('computeStanding', () => {
  it('is good with nothing owed', () => {
    assert.deepEqual(computeStanding([], '2026-11-27', rules), {
      status: 'good',
      balanceDue: 0,
      pastDueAmount: 0,
      oldestDueAt: null,
      lockAt: null,
      nextDueAt: null,
    });
  });

  it('is good while every open invoice falls due after the due-soon window', () => {
    const standing = computeStanding([{ dueAt: '2026-12-05', amountDue: 4900 }], '2026-11-27', rules);
    assert.deepEqual([standing.status, standing.balanceDue, standing.pastDueAmount], ['good', 4900, 0]);
  });

  it('is due soon from the first day of the window up to the due date itself', () => {
    const invoices = [{ dueAt: '2026-12-04', amountDue: 4900 }];
    for (const today of ['2026-11-27', '2026-12-03', '2026-12-04']) {
      const standing = computeStanding(invoices, today, rules);
      assert.deepEqual([standing.status, standing.nextDueAt, standing.oldestDueAt, standing.lockAt], ['due_soon', '2026-12-04', null, null], today);
    }
  });

  it('is due soon only on the due date with a window of zero days', () => {
    const invoices = [{ dueAt: '2026-12-04', amountDue: 4900 }];
    assert.equal(computeStanding(invoices, '2026-12-03', { ...rules, dueSoonDays: 0 }).status, 'good');
    assert.equal(computeStanding(invoices, '2026-12-04', { ...rules, dueSoonDays: 0 }).status, 'due_soon');
  });

  it('is past due the day after a due date, with the lock date grace days after the oldest one', () => {
    const standing = computeStanding(
      [
        { dueAt: '2026-11-20', amountDue: 1000 },
        { dueAt: '2026-11-10', amountDue: 2000 },
        { dueAt: '2026-12-10', amountDue: 4000 },
      ],
      '2026-11-21',
      rules,
    );
    assert.deepEqual(standing, {
      status: 'past_due',
      balanceDue: 7000,
      pastDueAmount: 3000,
      oldestDueAt: '2026-11-10',
      lockAt: '2026-11-24',
      nextDueAt: '2026-12-10',
    });
  });

  it('locks on the lock date, not the day before', () => {
    const invoices = [{ dueAt: '2026-11-10', amountDue: 2000 }];
    assert.equal(computeStanding(invoices, '2026-11-23', rules).status, 'past_due');
    assert.equal(computeStanding(invoices, '2026-11-24', rules).status, 'locked');
  });

  it('locks the day after the due date with no grace period', () => {
    assert.equal(computeStanding([{ dueAt: '2026-11-10', amountDue: 1 }], '2026-11-11', { ...rules, graceDays: 0 }).status, 'locked');
  });

  it('never locks while the past-due amount stays below the minimum, and has no lock date then', () => {
    const small = computeStanding([{ dueAt: '2026-01-10', amountDue: 999 }], '2026-11-27', { ...rules, lockMinimum: 1000 });
    assert.deepEqual([small.status, small.lockAt, small.oldestDueAt], ['past_due', null, '2026-01-10']);
    const enough = computeStanding([{ dueAt: '2026-01-10', amountDue: 1000 }], '2026-11-27', { ...rules, lockMinimum: 1000 });
    assert.deepEqual([enough.status, enough.lockAt], ['locked', '2026-01-24']);
  });

  it('ignores invoices that are fully paid', () => {
    assert.equal(computeStanding([{ dueAt: '2020-01-01', amountDue: 0 }], '2026-11-27', rules).status, 'good');
  });
});

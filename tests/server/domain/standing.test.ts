import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeStanding } from '../../../server/domain/standing.ts';

describe('computeStanding', () => {
  it('is good with nothing owed', () => {
    assert.deepEqual(computeStanding([], '2026-11-27', 14), {
      status: 'good',
      balanceDue: 0,
      pastDueAmount: 0,
      oldestDueAt: null,
      lockAt: null,
    });
  });

  it('is good while open invoices are not yet due, including on the due date itself', () => {
    const standing = computeStanding([{ dueAt: '2026-11-27', amountDue: 4900 }], '2026-11-27', 14);
    assert.deepEqual([standing.status, standing.balanceDue, standing.pastDueAmount], ['good', 4900, 0]);
  });

  it('is past due the day after a due date, with the lock date grace days after the oldest one', () => {
    const standing = computeStanding(
      [
        { dueAt: '2026-11-20', amountDue: 1000 },
        { dueAt: '2026-11-10', amountDue: 2000 },
        { dueAt: '2026-12-10', amountDue: 4000 },
      ],
      '2026-11-21',
      14,
    );
    assert.deepEqual(standing, {
      status: 'past_due',
      balanceDue: 7000,
      pastDueAmount: 3000,
      oldestDueAt: '2026-11-10',
      lockAt: '2026-11-24',
    });
  });

  it('locks on the lock date, not the day before', () => {
    const invoices = [{ dueAt: '2026-11-10', amountDue: 2000 }];
    assert.equal(computeStanding(invoices, '2026-11-23', 14).status, 'past_due');
    assert.equal(computeStanding(invoices, '2026-11-24', 14).status, 'locked');
  });

  it('locks the day after the due date with no grace period', () => {
    assert.equal(computeStanding([{ dueAt: '2026-11-10', amountDue: 1 }], '2026-11-11', 0).status, 'locked');
  });

  it('ignores invoices that are fully paid', () => {
    assert.equal(computeStanding([{ dueAt: '2020-01-01', amountDue: 0 }], '2026-11-27', 14).status, 'good');
  });
});

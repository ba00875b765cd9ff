import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextInvoiceDate } from '../../../server/domain/billing-schedule.ts';
import { addMonths } from '../../../server/domain/calendar.ts';

describe('nextInvoiceDate', () => {
  it('is the start date while the subscription has not started', () => {
    assert.equal(nextInvoiceDate('2027-01-15', 'month', '2026-11-27'), '2027-01-15');
  });

  it('is today on an invoice day, otherwise the next whole interval from the start', () => {
    assert.equal(nextInvoiceDate('2026-01-27', 'month', '2026-11-27'), '2026-11-27');
    assert.equal(nextInvoiceDate('2026-01-15', 'month', '2026-11-27'), '2026-12-15');
    assert.equal(nextInvoiceDate('2026-02-01', 'quarter', '2026-11-27'), '2027-02-01');
    assert.equal(nextInvoiceDate('2024-06-30', 'year', '2026-11-27'), '2027-06-30');
  });

  it('keeps a month-end anchor through short months', () => {
    assert.equal(nextInvoiceDate('2026-01-31', 'month', '2026-02-10'), '2026-02-28');
    assert.equal(nextInvoiceDate('2026-01-31', 'month', '2026-03-01'), '2026-03-31');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../server/config.ts';
import { refusal, validEnvironment } from './support/config-refusal.ts';

const valid = validEnvironment;

describe('standing and dunning settings', () => {
  it('default to a 7-day due-soon window, no lock minimum, and the standard schedule hourly', () => {
    const config = loadConfig(valid);
    assert.deepEqual(
      [config.graceDays, config.dueSoonDays, config.lockMinimum, config.dunning],
      [14, 7, 0, { schedule: { reminderDays: [7, 1], overdueDays: [3, 10], finalWarningDays: 3 }, intervalMinutes: 60 }],
    );
  });

  it('reads each of them', () => {
    const config = loadConfig({
      ...valid,
      PORTAL_DUE_SOON_DAYS: '3',
      PORTAL_LOCK_MINIMUM: '1000',
      PORTAL_DUNNING_REMINDER_DAYS: '14, 5,2',
      PORTAL_DUNNING_OVERDUE_DAYS: '1',
      PORTAL_DUNNING_FINAL_WARNING_DAYS: '0',
      PORTAL_DUNNING_INTERVAL_MINUTES: '0',
    });
    assert.deepEqual(
      [config.dueSoonDays, config.lockMinimum, config.dunning],
      [3, 1000, { schedule: { reminderDays: [14, 5, 2], overdueDays: [1], finalWarningDays: 0 }, intervalMinutes: 0 }],
    );
  });

  it('takes "none" for no reminders or no overdue notices', () => {
    const { schedule } = loadConfig({ ...valid, PORTAL_DUNNING_REMINDER_DAYS: 'none', PORTAL_DUNNING_OVERDUE_DAYS: ' none ' }).dunning;
    assert.deepEqual([schedule.reminderDays, schedule.overdueDays], [[], []]);
  });

  const refusals: [string, Record<string, string>, string][] = [
    ['a due-soon window in words', { PORTAL_DUE_SOON_DAYS: 'a week' }, 'PORTAL_DUE_SOON_DAYS must be a whole number of days from 0 to 365'],
    ['a negative due-soon window', { PORTAL_DUE_SOON_DAYS: '-1' }, 'PORTAL_DUE_SOON_DAYS must be a whole number of days from 0 to 365'],
    ['a lock minimum with a decimal point', { PORTAL_LOCK_MINIMUM: '10.50' }, 'PORTAL_LOCK_MINIMUM must be a whole amount in minor units, such as 1000 for $10.00'],
    ['a negative lock minimum', { PORTAL_LOCK_MINIMUM: '-5' }, 'PORTAL_LOCK_MINIMUM must be a whole amount in minor units, such as 1000 for $10.00'],
    ['reminder days that are not a list', { PORTAL_DUNNING_REMINDER_DAYS: '7;1' }, 'PORTAL_DUNNING_REMINDER_DAYS must be whole numbers of days separated by commas, such as "7,1", or "none"'],
    ['a reminder on the due date itself', { PORTAL_DUNNING_REMINDER_DAYS: '7,0' }, 'PORTAL_DUNNING_REMINDER_DAYS must name days from 1 to 365'],
    ['the same overdue day twice', { PORTAL_DUNNING_OVERDUE_DAYS: '3,3' }, 'PORTAL_DUNNING_OVERDUE_DAYS must name each day once'],
    ['an overdue day past a year', { PORTAL_DUNNING_OVERDUE_DAYS: '400' }, 'PORTAL_DUNNING_OVERDUE_DAYS must name days from 1 to 365'],
    ['a final warning in words', { PORTAL_DUNNING_FINAL_WARNING_DAYS: 'three' }, 'PORTAL_DUNNING_FINAL_WARNING_DAYS must be a whole number of days from 0 to 365'],
    ['an interval longer than a day', { PORTAL_DUNNING_INTERVAL_MINUTES: '1441' }, 'PORTAL_DUNNING_INTERVAL_MINUTES must be a whole number of minutes from 0 to 1440'],
  ];
  for (const [what, env, message] of refusals) {
    it(`refuses ${what}, naming the setting`, () => {
      assert.equal(refusal({ ...valid, ...env }), message);
    });
  }
});

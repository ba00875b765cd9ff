import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startDunningInterval } from '../../../server/dunning/dunning-interval.ts';
import { dunningDepsOf } from '../../../server/dunning/dunning-deps.ts';
import { createMailer } from '../../../server/mail/create-mailer.ts';
import { callAdmin, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

async function setUp() {
  const test = await createTestApp();
  test.clock.set('2026-12-03T09:00:00.000Z');
  await provisionAccount(test.app, 'acme');
  await callAdmin(test.app, 'POST', '/admin/v1/customers/acme/invoices', {
    issuedAt: '2026-11-01',
    dueAt: '2026-12-10',
    lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
  });
  const outbox = async () => (await test.db.selectFrom('outbox').select('subject').execute()).map((row) => row.subject);
  return { ...test, deps: dunningDepsOf({ ...test, mailer: createMailer(test.config, test.db, test.clock) }), outbox };
}

describe('the in-process dunning interval', () => {
  it('runs once at start, and stopping waits for that run to finish', async () => {
    const { deps, outbox, logger } = await setUp();
    await startDunningInterval(deps, 60).stop();
    assert.deepEqual(await outbox(), ['Reminder: invoice INV-000001 for $49.00 is due on Dec 10, 2026']);
    assert.deepEqual(logger.lines.map((line) => [line.message, line.fields?.sent]), [['dunning run', { 'reminder-7': 1 }]]);
  });

  it('never runs at 0 minutes', async () => {
    const { deps, outbox } = await setUp();
    await startDunningInterval(deps, 0).stop();
    assert.deepEqual(await outbox(), []);
  });
});

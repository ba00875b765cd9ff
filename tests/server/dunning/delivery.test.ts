import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { addDays } from '../../../server/domain/calendar.ts';
import { dunningDepsOf } from '../../../server/dunning/dunning-deps.ts';
import { runDunning } from '../../../server/dunning/run-dunning.ts';
import { createMailer } from '../../../server/mail/create-mailer.ts';
import type { Mailer } from '../../../server/mail/mailer.ts';
import { claimDunningNotice } from '../../../server/store/dunning-notices.ts';
import { callAdmin, provisionAccount } from '../support/requests.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestApp } from '../support/test-app.ts';

const sinks: SmtpSink[] = [];
after(() => Promise.all(sinks.map((sink) => sink.close())));

/** Acme on a real SMTP server, the clock at 2026-12-03. */
async function setUp() {
  const sink = await startSmtpSink();
  sinks.push(sink);
  const test = await createTestApp({ env: { PORTAL_SMTP_URL: sink.url } });
  test.clock.set('2026-12-03T09:00:00.000Z');
  await provisionAccount(test.app, 'acme', { billingContact: { name: 'Bill Ing', email: 'billing@acme.test' } });
  const issue = async (customer: string, dueAt: string) => {
    const response = await callAdmin(test.app, 'POST', `/admin/v1/customers/${customer}/invoices`, {
      issuedAt: addDays(dueAt, -30),
      dueAt,
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    assert.equal(response.status, 201);
    return (await response.json()).id as string;
  };
  const smtp = createMailer(test.config, test.db, test.clock);
  const run = (mailer: Mailer = smtp) => runDunning(dunningDepsOf({ ...test, mailer }));
  const notices = () => test.db.selectFrom('dunning_notices').select(['step', 'attempts', 'sent_at', 'last_error']).orderBy('step').execute();
  const markPaid = (invoiceId: string) =>
    test.db.updateTable('invoices').set((eb) => ({ status: 'paid', amount_paid: eb.ref('total') })).where('id', '=', invoiceId).execute();
  return { ...test, sink, smtp, issue, run, notices, markPaid };
}

/** A mailer that fails its first `failures` sends, as when the SMTP server is down for a while. */
function failingFirst(mailer: Mailer, failures: number): Mailer {
  let remaining = failures;
  return {
    async send(message) {
      if (remaining-- > 0) throw new Error('SMTP server unavailable');
      await mailer.send(message);
    },
  };
}

const addCounts = (...counts: Record<string, number>[]) => {
  const sum: Record<string, number> = {};
  for (const count of counts) for (const [step, n] of Object.entries(count)) sum[step] = (sum[step] ?? 0) + n;
  return sum;
};

describe('a dunning run', () => {
  it('sends each notice once when two runs go at the same time', async () => {
    const { app, sink, issue, run, notices } = await setUp();
    await provisionAccount(app, 'globex');
    await issue('acme', '2026-12-10');
    await issue('acme', '2026-12-04');
    await issue('globex', '2026-11-30');
    const [first, second] = await Promise.all([run(), run()]);
    assert.deepEqual(addCounts(first.sent, second.sent), { 'reminder-7': 1, 'reminder-1': 1, 'overdue-3': 1 });
    assert.equal(sink.received.length, 3);
    assert.deepEqual(
      (await notices()).map((notice) => [notice.step, notice.attempts, notice.sent_at !== null]),
      [
        ['overdue-3', 1, true],
        ['reminder-1', 1, true],
        ['reminder-7', 1, true],
      ],
    );
  });

  it('sends the access-restored notice once when two runs see the paid account at the same time', async () => {
    const { sink, issue, run, markPaid } = await setUp();
    const invoiceId = await issue('acme', '2026-11-28');
    assert.deepEqual((await run()).sent, { 'overdue-3': 1 });
    await markPaid(invoiceId);
    const [first, second] = await Promise.all([run(), run()]);
    assert.deepEqual(addCounts(first.sent, second.sent), { restored: 1 });
    assert.deepEqual(sink.received.map(({ mail }) => mail.subject), [
      'Overdue: invoice INV-000001 for $49.00 was due on Nov 28, 2026',
      'Payment received — access restored for acme Inc.',
    ]);
  });

  it('records a failed send, and the next run sends it exactly once', async () => {
    const { sink, smtp, issue, run, notices } = await setUp();
    await issue('acme', '2026-12-10');
    const failed = await run(failingFirst(smtp, 1));
    assert.deepEqual([failed.sent, failed.failed], [{}, { 'reminder-7': 1 }]);
    assert.deepEqual(await notices(), [{ step: 'reminder-7', attempts: 1, sent_at: null, last_error: 'Error: SMTP server unavailable' }]);
    assert.equal(sink.received.length, 0);

    assert.deepEqual((await run()).sent, { 'reminder-7': 1 });
    assert.deepEqual(await run(), { ranAt: '2026-12-03T09:00:00.000Z', sent: {}, failed: {} });
    assert.equal(sink.received.length, 1);
    assert.deepEqual(await notices(), [{ step: 'reminder-7', attempts: 2, sent_at: '2026-12-03T09:00:00.000Z', last_error: null }]);
  });

  it('retries a failed access-restored notice the same way', async () => {
    const { sink, smtp, issue, run, markPaid } = await setUp();
    const invoiceId = await issue('acme', '2026-11-28');
    assert.deepEqual((await run()).sent, { 'overdue-3': 1 });
    await markPaid(invoiceId);
    assert.deepEqual((await run(failingFirst(smtp, 1))).failed, { restored: 1 });
    assert.deepEqual((await run()).sent, { restored: 1 });
    assert.deepEqual((await run()).sent, {});
    assert.deepEqual(sink.received.map(({ mail }) => mail.subject).slice(1), ['Payment received — access restored for acme Inc.']);
  });

  it('leaves a notice claimed by a run that died alone until its lease runs out, then sends it once', async () => {
    const { sink, db, clock, issue, run, notices } = await setUp();
    const invoiceId = await issue('acme', '2026-12-10');
    await claimDunningNotice(db, invoiceId, 'reminder-7', clock.now().toISOString());
    assert.deepEqual((await run()).sent, {});
    clock.set('2026-12-03T09:09:00.000Z');
    assert.deepEqual((await run()).sent, {}, 'still within the lease');
    clock.set('2026-12-03T09:10:00.000Z');
    assert.deepEqual((await run()).sent, { 'reminder-7': 1 });
    assert.deepEqual((await run()).sent, {});
    assert.equal(sink.received.length, 1);
    assert.deepEqual((await notices()).map((notice) => notice.attempts), [2]);
  });

  it('sends an invoice first seen long after its due date only the newest notice, not every one it missed', async () => {
    const { sink, issue, run } = await setUp();
    await issue('acme', '2026-06-30');
    assert.deepEqual((await run()).sent, { locked: 1 });
    assert.deepEqual(sink.received.map(({ mail }) => mail.subject), ['Access locked: acme Inc. has $49.00 past due']);
  });

  it('sends and records nothing when nothing is due', async () => {
    const { db, sink, issue, run, markPaid } = await setUp();
    await issue('acme', '2027-01-31');
    await markPaid(await issue('acme', '2026-11-15'));
    assert.deepEqual(await run(), { ranAt: '2026-12-03T09:00:00.000Z', sent: {}, failed: {} });
    assert.equal(sink.received.length, 0);
    assert.deepEqual(await db.selectFrom('dunning_notices').select('id').execute(), []);
    assert.deepEqual(await db.selectFrom('account_lapses').select('id').execute(), []);
  });
});

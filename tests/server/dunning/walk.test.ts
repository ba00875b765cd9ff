import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { addPaymentMethod, cardDetails } from '../support/payment-methods.ts';
import { call, callAdmin, provisionAccount } from '../support/requests.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestApp } from '../support/test-app.ts';
import { mintToken } from '../support/tokens.ts';

let sink: SmtpSink;
after(() => sink?.close());

const billingContact = { name: 'Bill Ing', email: 'billing@acme.test' };
/** The billing contact, then the Site Admin, then the other holder of Customer Portal View; never the viewer without it. */
const everyoneWhoHears = ['billing@acme.test', 'admin@acme.test', 'clerk@acme.test'];

describe('the dunning walk', () => {
  it('takes an invoice from issued through reminders, due, overdue, final warning and lock to paid and restored, one email per step', async () => {
    sink = await startSmtpSink();
    const { app, clock } = await createTestApp({
      env: { PORTAL_SMTP_URL: sink.url, PORTAL_MAIL_FROM: 'Vendor Billing <billing@vendor.test>' },
    });
    const on = (date: string) => clock.set(`${date}T09:00:00.000Z`);
    const tokenFor = (sub: string) => mintToken({ sub, customer: 'acme', exp: Math.floor(clock.now().getTime() / 1000) + 600 });

    on('2026-11-20');
    const account = await provisionAccount(app, 'acme', { companyName: 'Acme Inc.', billingContact });
    const siteAdminToken = () => tokenFor(account.siteAdmin.sub);
    for (const [sub, email, portalAccess] of [
      ['acme-clerk', 'clerk@acme.test', true],
      ['acme-viewer', 'viewer@acme.test', false],
    ] as const) {
      const response = await call(app, 'PUT', `/v1/access/users/${sub}`, { token: await siteAdminToken(), body: { portalAccess, email } });
      assert.equal(response.status, 200);
    }
    const issued = await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', {
      issuedAt: '2026-11-20',
      dueAt: '2026-12-10',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    const invoice = await issued.json();
    assert.equal(invoice.number, 'INV-000001');

    const runDunning = async () => {
      const response = await callAdmin(app, 'POST', '/admin/v1/dunning/run');
      assert.equal(response.status, 200);
      const run = await response.json();
      assert.deepEqual(run.failed, {});
      return run.sent;
    };
    /** The messages that reached the SMTP server since the last look. */
    const arrivals = () =>
      sink.received.splice(0).map(({ envelopeTo, mail }) => {
        const to = [mail.to ?? []].flat().flatMap((address) => address.value.map((mailbox) => mailbox.address));
        return { subject: mail.subject, from: mail.from?.value[0]?.address, envelopeTo, to };
      });
    const standing = async () => {
      const body = await (await call(app, 'GET', '/v1/standing', { token: await siteAdminToken() })).json();
      return [body.status, body.balanceDue, body.pastDueAmount, body.lockAt];
    };
    const notice = (subject: string) => ({ subject, from: 'billing@vendor.test', envelopeTo: everyoneWhoHears, to: everyoneWhoHears });

    const steps: [date: string, standing: unknown[], sent: Record<string, number>, subjects: string[]][] = [
      ['2026-11-20', ['good', 4900, 0, null], {}, []],
      ['2026-12-03', ['due_soon', 4900, 0, null], { 'reminder-7': 1 }, ['Reminder: invoice INV-000001 for $49.00 is due on Dec 10, 2026']],
      ['2026-12-05', ['due_soon', 4900, 0, null], {}, []],
      ['2026-12-09', ['due_soon', 4900, 0, null], { 'reminder-1': 1 }, ['Reminder: invoice INV-000001 for $49.00 is due on Dec 10, 2026']],
      ['2026-12-10', ['due_soon', 4900, 0, null], { due: 1 }, ['Invoice INV-000001 for $49.00 is due today']],
      ['2026-12-11', ['past_due', 4900, 4900, '2026-12-24'], {}, []],
      ['2026-12-13', ['past_due', 4900, 4900, '2026-12-24'], { 'overdue-3': 1 }, ['Overdue: invoice INV-000001 for $49.00 was due on Dec 10, 2026']],
      ['2026-12-20', ['past_due', 4900, 4900, '2026-12-24'], { 'overdue-10': 1 }, ['Overdue: invoice INV-000001 for $49.00 was due on Dec 10, 2026']],
      ['2026-12-21', ['past_due', 4900, 4900, '2026-12-24'], { 'final-warning': 1 }, ['Final notice: access for Acme Inc. will be locked on Dec 24, 2026']],
      ['2026-12-23', ['past_due', 4900, 4900, '2026-12-24'], {}, []],
      ['2026-12-24', ['locked', 4900, 4900, '2026-12-24'], { locked: 1 }, ['Access locked: Acme Inc. has $49.00 past due']],
      ['2026-12-26', ['locked', 4900, 4900, '2026-12-24'], {}, []],
    ];
    for (const [date, expectedStanding, expectedSent, subjects] of steps) {
      on(date);
      assert.deepEqual(await standing(), expectedStanding, `standing on ${date}`);
      assert.deepEqual(await runDunning(), expectedSent, `notices sent on ${date}`);
      assert.deepEqual(arrivals(), subjects.map(notice), `emails on ${date}`);
      assert.deepEqual(await runDunning(), {}, `a second run on ${date} sends nothing more`);
    }

    const card = await addPaymentMethod(app, await siteAdminToken(), cardDetails('4242424242424242'));
    const payment = await call(app, 'POST', '/v1/payments', {
      token: await siteAdminToken(),
      body: { paymentMethodId: card.id },
      headers: { 'Idempotency-Key': 'walk-payment' },
    });
    assert.equal((await payment.json()).status, 'succeeded');
    assert.deepEqual(await standing(), ['good', 0, 0, null], 'good the moment the payment clears, before any dunning run');
    assert.deepEqual(arrivals().map((mail) => mail.subject), ['Payment received: $49.00 (Acme Inc.)']);

    assert.deepEqual(await runDunning(), { restored: 1 });
    assert.deepEqual(arrivals(), [notice('Payment received — access restored for Acme Inc.')]);
    on('2026-12-27');
    assert.deepEqual(await runDunning(), {});
    assert.deepEqual(arrivals(), []);
  });
});

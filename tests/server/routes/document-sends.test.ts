import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { problemType } from '../../../contract/problem.ts';
import { issueInvoice, pdfText, recordFor } from '../support/history.ts';
import { call, grantPortalAccess, provisionAccount, userToken } from '../support/requests.ts';
import { closedSmtpUrl, type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestApp } from '../support/test-app.ts';

const sinks: SmtpSink[] = [];
after(() => Promise.all(sinks.map((sink) => sink.close())));

async function smtpSink() {
  const sink = await startSmtpSink();
  sinks.push(sink);
  return sink;
}

/** Acme with a billing contact and one open invoice, mailing through `smtpUrl` (the outbox when absent). */
async function setUp(smtpUrl?: string, account: Record<string, unknown> = { billingContact: { name: 'Bill Ing', email: 'billing@acme.test' } }) {
  const test = await createTestApp({ env: { PORTAL_VENDOR_NAME: 'Vendor Ltd', ...(smtpUrl && { PORTAL_SMTP_URL: smtpUrl }) } });
  const { siteAdmin } = await provisionAccount(test.app, 'acme', account);
  const invoice = await issueInvoice(test.app, 'acme', { issuedAt: '2026-10-01', dueAt: '2026-10-31', number: 'INV-000042' });
  const send = (path: string, body: unknown = {}, token = siteAdmin.token) => call(test.app, 'POST', path, { token, body });
  const audit = () =>
    test.db.selectFrom('audit_log').select(['actor', 'action', 'target', 'after_json']).where('action', 'like', '%.sent').execute();
  return { ...test, siteAdmin, invoice, send, audit };
}

describe('POST /v1/invoices/{id}/send', () => {
  it('mails the invoice to the billing contact with its PDF attached, and logs who sent what to whom', async () => {
    const sink = await smtpSink();
    const { invoice, send, audit, clock } = await setUp(sink.url);
    clock.set('2026-11-27T10:00:00.000Z');
    const response = await send(`/v1/invoices/${invoice.id}/send`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { to: ['billing@acme.test'], sentAt: '2026-11-27T10:00:00.000Z' });

    assert.equal(sink.received.length, 1);
    const { envelopeTo, mail } = sink.received[0]!;
    assert.deepEqual(envelopeTo, ['billing@acme.test']);
    assert.equal(mail.subject, 'Invoice INV-000042 from Vendor Ltd: $49.00 due Oct 31, 2026');
    assert.match(mail.text ?? '', /Please find attached invoice INV-000042 from Vendor Ltd to acme Inc\./);
    const [attachment] = mail.attachments;
    assert.deepEqual([attachment?.filename, attachment?.contentType], ['acme-INV-000042.pdf', 'application/pdf']);
    assert.equal(attachment!.content.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdfText(attachment!.content), /INV-000042/);

    assert.deepEqual(
      (await audit()).map((entry) => [entry.actor, entry.action, entry.target, JSON.parse(entry.after_json!).to]),
      [['acme-admin', 'invoice.sent', invoice.id, ['billing@acme.test']]],
    );
  });

  it('mails the addresses named instead, when given', async () => {
    const sink = await smtpSink();
    const { invoice, send } = await setUp(sink.url);
    const response = await send(`/v1/invoices/${invoice.id}/send`, { to: ['ap@acme.test', 'cfo@acme.test'] });
    assert.equal(response.status, 200);
    assert.deepEqual(sink.received[0]!.envelopeTo, ['ap@acme.test', 'cfo@acme.test']);
  });

  const refusals: [string, unknown, string[]][] = [
    ['an address that is not one', { to: ['not-an-address'] }, ['to.0']],
    ['six addresses', { to: ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test', 'f@x.test'] }, ['to']],
    ['no address in the list', { to: [] }, ['to']],
    ['the same address twice', { to: ['a@x.test', 'A@x.test'] }, ['to']],
    ['an unknown field', { cc: ['a@x.test'] }, ['cc']],
  ];
  for (const [what, body, paths] of refusals) {
    it(`refuses ${what} with a 422 naming the field, sending nothing`, async () => {
      const { invoice, send, db } = await setUp();
      const response = await send(`/v1/invoices/${invoice.id}/send`, body);
      assert.equal(response.status, 422);
      assert.deepEqual((await response.json()).errors.map((error: { path: string }) => error.path), paths);
      assert.equal((await db.selectFrom('outbox').select('id').execute()).length, 0);
    });
  }

  it('asks for an address when the account has no billing contact', async () => {
    const { invoice, send } = await setUp(undefined, {});
    const response = await send(`/v1/invoices/${invoice.id}/send`);
    assert.equal(response.status, 422);
    assert.deepEqual((await response.json()).errors, [{ path: 'to', message: 'This account has no billing contact: name at least one address to send to.' }]);
  });

  it('answers 503 when the mail server is unreachable, and records nothing as sent', async () => {
    const { invoice, send, audit, logger } = await setUp(await closedSmtpUrl());
    const response = await send(`/v1/invoices/${invoice.id}/send`);
    assert.equal(response.status, 503);
    const problem = await response.json();
    assert.equal(problem.type, problemType('service-unavailable'));
    assert.match(problem.detail, /nothing was sent/);
    assert.deepEqual(await audit(), []);
    assert.ok(logger.lines.some((line) => line.message === 'document not sent'));
  });

  it('allows five sends of one invoice an hour, then answers 429 with Retry-After', async () => {
    const { app, invoice, send, clock } = await setUp();
    clock.set('2026-11-27T10:00:00.000Z');
    for (let attempt = 0; attempt < 5; attempt++) assert.equal((await send(`/v1/invoices/${invoice.id}/send`)).status, 200);
    const refused = await send(`/v1/invoices/${invoice.id}/send`);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('Retry-After'), '3600');
    const other = await issueInvoice(app, 'acme', { issuedAt: '2026-10-02' });
    assert.equal((await send(`/v1/invoices/${other.id}/send`)).status, 200, 'another invoice may still be sent');
    clock.set('2026-11-27T11:00:01.000Z');
    assert.equal((await send(`/v1/invoices/${invoice.id}/send`)).status, 200, 'an hour later it may be sent again');
  });

  it('allows a user twenty sends an hour across documents; another user has their own', async () => {
    const { app, send, siteAdmin } = await setUp();
    const invoices = [];
    for (let index = 0; index < 5; index++) invoices.push(await issueInvoice(app, 'acme', { issuedAt: `2026-0${index + 1}-01` }));
    const statuses = [];
    for (const invoice of invoices) for (let attempt = 0; attempt < 5; attempt++) statuses.push((await send(`/v1/invoices/${invoice.id}/send`)).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
    assert.deepEqual(statuses.slice(20), Array(5).fill(429));
    await grantPortalAccess(app, { id: 'acme', siteAdmin }, 'clerk');
    const clerk = await userToken('acme', 'clerk');
    const other = await issueInvoice(app, 'acme', { issuedAt: '2026-07-01' });
    assert.equal((await send(`/v1/invoices/${other.id}/send`, {}, clerk)).status, 200);
  });
});

describe('POST /v1/transactions/{id}/send', () => {
  it('mails the receipt of a payment', async () => {
    const sink = await smtpSink();
    const test = await setUp(sink.url);
    const payment = await recordFor(test, 'acme', {
      occurredAt: '2026-10-05T12:00:00.000Z',
      reference: 'ch_receipt',
      allocations: [{ invoiceId: test.invoice.id, amount: 4900 }],
    });
    const response = await test.send(`/v1/transactions/${payment}/send`, { to: ['ap@acme.test'] });
    assert.equal(response.status, 200);
    const { envelopeTo, mail } = sink.received[0]!;
    assert.deepEqual(envelopeTo, ['ap@acme.test']);
    assert.equal(mail.subject, 'Payment received: $49.00 (acme Inc.)');
    assert.match(mail.text ?? '', /Reference:\s+ch_receipt/);
    assert.match(mail.text ?? '', /INV-000042/);
    assert.deepEqual((await test.audit()).map((entry) => [entry.action, entry.target]), [['transaction.sent', payment]]);
  });

  it('mails a notice of a failed payment attempt, with its reason', async () => {
    const sink = await smtpSink();
    const test = await setUp(sink.url);
    const failed = await recordFor(test, 'acme', {
      kind: 'failed_payment',
      status: 'failed',
      occurredAt: '2026-10-05T12:00:00.000Z',
      failureReason: 'The card has insufficient funds. Use another payment method.',
      allocations: [{ invoiceId: test.invoice.id, amount: 4900 }],
    });
    assert.equal((await test.send(`/v1/transactions/${failed}/send`)).status, 200);
    const { envelopeTo, mail } = sink.received[0]!;
    assert.deepEqual(envelopeTo, ['billing@acme.test']);
    assert.equal(mail.subject, 'Payment attempt failed: $49.00 (acme Inc.)');
    assert.match(mail.text ?? '', /did not go through, so nothing was charged/);
    assert.match(mail.text ?? '', /Reason:\s+The card has insufficient funds/);
    assert.match(mail.text ?? '', /It was meant to pay:\n\s+INV-000042/);
  });

  it('mails a refund notice', async () => {
    const test = await setUp();
    const refund = await recordFor(test, 'acme', { kind: 'refund', amount: 1500, occurredAt: '2026-10-06T12:00:00.000Z' });
    assert.equal((await test.send(`/v1/transactions/${refund}/send`)).status, 200);
    const [message] = await test.db.selectFrom('outbox').select(['subject', 'body_text']).execute();
    assert.equal(message?.subject, 'Refund issued: $15.00 (acme Inc.)');
  });

  it('refuses a payment still being processed with a 409', async () => {
    const test = await setUp();
    const pending = await recordFor(test, 'acme', { status: 'pending', occurredAt: '2026-10-06T12:00:00.000Z' });
    const response = await test.send(`/v1/transactions/${pending}/send`);
    assert.equal(response.status, 409);
    assert.deepEqual(await test.audit(), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PaymentGateway } from '../../../server/payments/gateway.ts';
import { problemType } from '../../../contract/problem.ts';
import { addPaymentMethod, cardDetails } from '../support/payment-methods.ts';
import { call, callAdmin, provisionAccount, type ProvisionedAccount } from '../support/requests.ts';
import { createTestApp, type TestAppOptions } from '../support/test-app.ts';

const billingContact = { name: 'Bill Ing', email: 'billing@acme.test' };

async function setUp(options: TestAppOptions = {}) {
  const test = await createTestApp(options);
  const account = await provisionAccount(test.app, 'acme', { billingContact });
  const issue = async (customer: string, dueAt: string, unitAmount: number) => {
    const response = await callAdmin(test.app, 'POST', `/admin/v1/customers/${customer}/invoices`, {
      issuedAt: '2026-09-01',
      dueAt,
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount }],
    });
    return (await response.json()) as { id: string; number: string };
  };
  const overdue = await issue('acme', '2026-10-01', 4900);
  const upcoming = await issue('acme', '2099-01-01', 1500);
  const card = await addPaymentMethod(test.app, account.siteAdmin.token, cardDetails('4242424242424242'));
  /** `key` null sends no Idempotency-Key. */
  const pay = (body: unknown, key: string | null = 'key-1', token = account.siteAdmin.token) =>
    call(test.app, 'POST', '/v1/payments', { token, body, headers: key === null ? {} : { 'Idempotency-Key': key } });
  const count = async (table: 'sandbox_charges' | 'transactions') =>
    Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const invoiceStatus = async (id: string) =>
    (await test.db.selectFrom('invoices').select(['status', 'amount_paid']).where('id', '=', id).executeTakeFirstOrThrow());
  const receipts = () => test.db.selectFrom('outbox').selectAll().where('subject', 'like', 'Payment received%').execute();
  return { ...test, account, card, overdue, upcoming, issue, pay, count, invoiceStatus, receipts };
}

/** A gateway that charges, then fails as if the server died before it could record the outcome. */
function crashingAfterCharge(gateway: PaymentGateway, crashes: { remaining: number }): PaymentGateway {
  return {
    ...gateway,
    async charge(request) {
      const result = await gateway.charge(request);
      if (crashes.remaining-- > 0) throw new Error('connection lost after the charge');
      return result;
    },
  };
}

describe('POST /v1/payments', () => {
  it('pays the whole balance with the chosen card: invoices paid, standing good, a receipt mailed', async () => {
    const { app, account, card, overdue, upcoming, pay, invoiceStatus, receipts, count } = await setUp();
    assert.notEqual((await (await call(app, 'GET', '/v1/standing', { token: account.siteAdmin.token })).json()).status, 'good');
    const response = await pay({ paymentMethodId: card.id });
    assert.equal(response.status, 201);
    const payment = await response.json();
    assert.deepEqual(
      [payment.status, payment.amount, payment.currency, payment.paymentMethod.label, payment.declineCode, payment.failureReason],
      ['succeeded', 6400, 'USD', 'Visa ·· 4242', null, null],
    );
    assert.deepEqual(payment.invoices.map((invoice: { amount: number }) => invoice.amount), [4900, 1500]);
    assert.deepEqual(await invoiceStatus(overdue.id), { status: 'paid', amount_paid: 4900 });
    assert.deepEqual(await invoiceStatus(upcoming.id), { status: 'paid', amount_paid: 1500 });
    const standing = await (await call(app, 'GET', '/v1/standing', { token: account.siteAdmin.token })).json();
    assert.deepEqual([standing.status, standing.balanceDue], ['good', 0]);
    assert.equal(await count('sandbox_charges'), 1);
    const [receipt] = await receipts();
    assert.equal(receipt?.subject, 'Payment received: $64.00 (acme Inc.)');
    assert.match(receipt!.recipients, /billing@acme\.test/);
    assert.match(receipt!.body_text, /Visa ·· 4242/);
  });

  it('pays only the invoices chosen', async () => {
    const { card, overdue, upcoming, pay, invoiceStatus } = await setUp();
    const payment = await (await pay({ paymentMethodId: card.id, invoiceIds: [overdue.id] })).json();
    assert.equal(payment.amount, 4900);
    assert.equal((await invoiceStatus(overdue.id)).status, 'paid');
    assert.equal((await invoiceStatus(upcoming.id)).status, 'open');
  });

  it('records a declined payment as a failed transaction with the reason in plain words, paying nothing', async () => {
    const { app, account, overdue, pay, invoiceStatus, receipts, db } = await setUp();
    const declining = await addPaymentMethod(app, account.siteAdmin.token, cardDetails('4000000000000002'));
    const response = await pay({ paymentMethodId: declining.id });
    assert.equal(response.status, 201);
    const payment = await response.json();
    assert.deepEqual([payment.status, payment.declineCode], ['failed', 'card_declined']);
    assert.match(payment.failureReason, /Your card was declined/);
    assert.deepEqual(await invoiceStatus(overdue.id), { status: 'open', amount_paid: 0 });
    const transaction = await db.selectFrom('transactions').select(['kind', 'status']).where('id', '=', payment.id).executeTakeFirstOrThrow();
    assert.deepEqual(transaction, { kind: 'failed_payment', status: 'failed' });
    assert.equal((await receipts()).length, 0);
  });

  it('explains insufficient funds in its own words', async () => {
    const { app, account, pay } = await setUp();
    const poor = await addPaymentMethod(app, account.siteAdmin.token, cardDetails('4000000000009995'));
    const payment = await (await pay({ paymentMethodId: poor.id })).json();
    assert.deepEqual([payment.declineCode, payment.failureReason], ['insufficient_funds', 'The card has insufficient funds. Use another payment method.']);
  });

  it('needs an Idempotency-Key header: without one it is a 400 naming the header', async () => {
    const { card, pay, count } = await setUp();
    for (const key of [null, '', 'has spaces in it']) {
      const response = await pay({ paymentMethodId: card.id }, key);
      assert.equal(response.status, 400, `key ${JSON.stringify(key)}`);
      assert.equal((await response.json()).errors[0].path, 'Idempotency-Key');
    }
    assert.equal(await count('sandbox_charges'), 0);
  });

  it('answers a retry with the same key and body with the first outcome, without charging again', async () => {
    const { card, pay, count } = await setUp();
    const first = await (await pay({ paymentMethodId: card.id })).json();
    const again = await pay({ paymentMethodId: card.id });
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), first);
    assert.equal(await count('sandbox_charges'), 1);
    assert.equal(await count('transactions'), 1);
  });

  it('refuses the same key with another body (422) and charges nothing more', async () => {
    const { card, overdue, pay, count } = await setUp();
    await pay({ paymentMethodId: card.id, invoiceIds: [overdue.id] });
    const response = await pay({ paymentMethodId: card.id });
    assert.equal(response.status, 422);
    assert.equal((await response.json()).type, problemType('idempotency-key-reused'));
    assert.equal(await count('sandbox_charges'), 1);
  });

  it('charges exactly once for 50 identical requests at the same time', async () => {
    const { card, pay, count } = await setUp();
    const responses = await Promise.all(Array.from({ length: 50 }, () => pay({ paymentMethodId: card.id }, 'same-key')));
    const statuses = responses.map((response) => response.status);
    assert.ok(statuses.every((status) => status === 201 || status === 409), `unexpected statuses ${[...new Set(statuses)]}`);
    assert.ok(statuses.includes(201));
    assert.equal(await count('sandbox_charges'), 1);
    assert.equal(await count('transactions'), 1);
    const ids = new Set(await Promise.all(responses.filter((response) => response.status === 201).map(async (response) => (await response.json()).id)));
    assert.equal(ids.size, 1);
  });

  it('after a crash between the charge and recording it, a retry reconciles: one charge, one record', async () => {
    const crashes = { remaining: 1 };
    const crashing = await createTestApp({ wrapGateway: (gateway) => crashingAfterCharge(gateway, crashes) });
    const account = await provisionAccount(crashing.app, 'acme');
    await callAdmin(crashing.app, 'POST', '/admin/v1/customers/acme/invoices', {
      issuedAt: '2026-09-01',
      dueAt: '2026-10-01',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    const card = await addPaymentMethod(crashing.app, account.siteAdmin.token, cardDetails('4242424242424242'));
    const pay = () =>
      call(crashing.app, 'POST', '/v1/payments', { token: account.siteAdmin.token, body: { paymentMethodId: card.id }, headers: { 'Idempotency-Key': 'k' } });

    const crashed = await pay();
    assert.equal(crashed.status, 503);
    assert.equal(crashed.headers.get('Retry-After'), '30');
    assert.equal((await pay()).status, 409, 'the lease of the crashed attempt still runs');

    crashing.clock.set(new Date(crashing.clock.now().getTime() + 31_000).toISOString());
    const retried = await pay();
    assert.equal(retried.status, 201);
    assert.equal((await retried.json()).status, 'succeeded');
    const charges = await crashing.db.selectFrom('sandbox_charges').selectAll().execute();
    const transactions = await crashing.db.selectFrom('transactions').selectAll().execute();
    assert.equal(charges.length, 1);
    assert.deepEqual(transactions.map((transaction) => [transaction.kind, transaction.status]), [['payment', 'succeeded']]);
    assert.equal(transactions[0]!.reference, charges[0]!.reference);
  });

  it('lets one payment of an account run at a time', async () => {
    const { card, pay, db, account } = await setUp();
    await db
      .insertInto('idempotency_keys')
      .values({
        customer_id: 'acme',
        user_id: (await db.selectFrom('users').select('id').where('subject', '=', account.siteAdmin.sub).executeTakeFirstOrThrow()).id,
        key: 'in-flight',
        request_hash: 'x',
        state: 'running',
        response_status: null,
        response_body: null,
        transaction_id: null,
        locked_until: '2999-01-01T00:00:00.000Z',
        created_at: '2026-11-27T00:00:00.000Z',
        expires_at: '2999-01-01T00:00:00.000Z',
      })
      .execute();
    const response = await pay({ paymentMethodId: card.id }, 'another-key');
    assert.equal(response.status, 409);
    assert.match((await response.json()).detail, /Another payment for this account/);
  });

  it('refuses another account’s method or invoice, and a balance of nothing, each with its field', async () => {
    const { app, card, pay } = await setUp();
    const other: ProvisionedAccount = await provisionAccount(app, 'other');
    const otherInvoice = (await (await callAdmin(app, 'POST', '/admin/v1/customers/other/invoices', {
      issuedAt: '2026-09-01',
      dueAt: '2026-10-01',
      lines: [{ description: 'x', quantity: 1, unitAmount: 100 }],
    })).json()) as { id: string };
    const otherCard = await addPaymentMethod(app, other.siteAdmin.token, cardDetails('5555555555554444'));
    const fieldOf = async (response: Response) => (await response.json()).errors[0].path;
    assert.equal(await fieldOf(await pay({ paymentMethodId: otherCard.id }, 'a')), 'paymentMethodId');
    assert.equal(await fieldOf(await pay({ paymentMethodId: card.id, invoiceIds: [otherInvoice.id] }, 'b')), 'invoiceIds.0');
    const otherPays = await pay({ paymentMethodId: otherCard.id }, 'c', other.siteAdmin.token);
    assert.equal(otherPays.status, 201);
    const nothingDue = await pay({ paymentMethodId: otherCard.id }, 'd', other.siteAdmin.token);
    assert.equal(nothingDue.status, 422);
    assert.match((await nothingDue.json()).errors[0].message, /Nothing is due/);
  });

  it('limits a user to 10 payment attempts in 10 minutes (429 with Retry-After)', async () => {
    const { app, account, pay } = await setUp();
    const declining = await addPaymentMethod(app, account.siteAdmin.token, cardDetails('4000000000000002'));
    for (let attempt = 1; attempt <= 10; attempt++) {
      assert.equal((await pay({ paymentMethodId: declining.id }, `attempt-${attempt}`)).status, 201);
    }
    const limited = await pay({ paymentMethodId: declining.id }, 'attempt-11');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
  });

  it('still answers the payment when the receipt cannot be mailed', async () => {
    const { card, pay, logger } = await setUp({ env: { PORTAL_SMTP_URL: 'smtp://127.0.0.1:9' } });
    const response = await pay({ paymentMethodId: card.id });
    assert.equal(response.status, 201);
    assert.equal((await response.json()).status, 'succeeded');
    assert.ok(logger.lines.some((line) => line.message === 'receipt not sent'));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../../contract/problem.ts';
import { addPaymentMethod, bankAccountDetails, cardDetails, tokenize } from '../support/payment-methods.ts';
import { call, grantPortalAccess, provisionAccount, userToken } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';
import { mintToken } from '../support/tokens.ts';

async function setUp() {
  const test = await createTestApp();
  test.clock.set('2026-11-27T10:00:00.000Z');
  const account = await provisionAccount(test.app, 'acme');
  const token = account.siteAdmin.token;
  const add = (details: Parameters<typeof tokenize>[1]) => addPaymentMethod(test.app, token, details);
  const list = async () => (await (await call(test.app, 'GET', '/v1/payment-methods', { token })).json()).data as Record<string, unknown>[];
  return { ...test, account, token, add, list };
}

const auditOf = (db: Awaited<ReturnType<typeof setUp>>['db']) =>
  db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'target', 'before_json', 'after_json', 'at'])
    .where('action', 'like', 'payment-method.%')
    .orderBy('at')
    .execute();

describe('adding a payment method', () => {
  it('stores the card a token stands for and answers it; the first method becomes the default', async () => {
    const { app, token, clock } = await setUp();
    const response = await call(app, 'POST', '/v1/payment-methods', { token, body: { token: await tokenize(app, cardDetails('4242424242424242')) } });
    assert.equal(response.status, 201);
    const method = await response.json();
    assert.match(method.id, /^pm_/);
    assert.deepEqual(
      { ...method, id: 'pm' },
      {
        id: 'pm',
        kind: 'card',
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: 2030,
        holderName: 'Ada Admin',
        isDefault: true,
        isExpired: false,
        createdAt: clock.now().toISOString(),
      },
    );
  });

  it('stores a bank account, and a later method is not the default', async () => {
    const { add } = await setUp();
    await add(cardDetails('4242424242424242'));
    const account = await add(bankAccountDetails('000123456789'));
    assert.deepEqual(
      [account.kind, account.brand, account.last4, account.expMonth, account.expYear, account.holderName, account.isDefault, account.isExpired],
      ['bank_account', null, '6789', null, null, 'Acme Inc.', false, false],
    );
  });

  it('stores only the token, kind, brand, last 4, expiry, holder name and fingerprint', async () => {
    const { add, db } = await setUp();
    await add(cardDetails('4242424242424242'));
    const row = await db.selectFrom('payment_methods').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(Object.keys(row).sort(), [
      'brand', 'created_at', 'customer_id', 'exp_month', 'exp_year', 'fingerprint', 'holder_name', 'id', 'is_default', 'kind', 'last4', 'token',
    ]);
    assert.doesNotMatch(JSON.stringify(row), /424242/);
  });

  it('answers a token the processor never issued with a 422 on token', async () => {
    const { app, token, db } = await setUp();
    const response = await call(app, 'POST', '/v1/payment-methods', { token, body: { token: 'tok_never_issued' } });
    assert.equal(response.status, 422);
    const problem = await response.json();
    assert.deepEqual(problem.errors.map((error: { path: string }) => error.path), ['token']);
    assert.deepEqual(await db.selectFrom('payment_methods').selectAll().execute(), []);
  });

  it('refuses the same card twice, even with a new token and expiry, with a 409 saying it is on file', async () => {
    const { app, token, add, list } = await setUp();
    await add(cardDetails('4242424242424242'));
    const again = await tokenize(app, cardDetails('4242 4242 4242 4242', { expMonth: 3, expYear: 2031 }));
    const response = await call(app, 'POST', '/v1/payment-methods', { token, body: { token: again } });
    assert.equal(response.status, 409);
    const problem = await response.json();
    assert.equal(problem.type, problemType('conflict'));
    assert.equal(problem.detail, 'Visa ·· 4242 is already on file. Choose it when you pay instead of adding it again.');
    assert.equal((await list()).length, 1);
  });

  it('takes nothing but a token', async () => {
    const { app, token } = await setUp();
    const response = await call(app, 'POST', '/v1/payment-methods', { token, body: { token: 'tok_x', last4: '4242' } });
    assert.equal(response.status, 422);
    assert.deepEqual((await response.json()).errors, [{ path: 'last4', message: 'Unknown field.' }]);
  });

  it('allows 5 additions per user in 10 minutes, then answers 429 with Retry-After; another user is counted apart', async () => {
    const { app, token, account, clock } = await setUp();
    for (let attempt = 0; attempt < 5; attempt++) {
      // Refused attempts count: a card tester's tries are mostly refused.
      const response = await call(app, 'POST', '/v1/payment-methods', { token, body: { token: `tok_guess_${attempt}` } });
      assert.equal(response.status, 422);
    }
    clock.set('2026-11-27T10:04:00.000Z');
    const refused = await call(app, 'POST', '/v1/payment-methods', { token, body: { token: await tokenize(app, cardDetails('4242424242424242')) } });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('Retry-After'), '360');
    assert.equal((await refused.json()).type, problemType('rate-limited'));
    await grantPortalAccess(app, account, 'billing');
    const colleague = await addPaymentMethod(app, await userToken('acme', 'billing'), cardDetails('5555555555554444'));
    assert.equal(colleague.last4, '4444');
    clock.set('2026-11-27T10:10:00.000Z');
    assert.equal((await addPaymentMethod(app, token, cardDetails('4242424242424242'))).last4, '4242');
  });

  it('is in the audit log with brand and last 4 only', async () => {
    const { add, db, account } = await setUp();
    const method = await add(cardDetails('4242424242424242'));
    const [entry] = await auditOf(db);
    assert.deepEqual(
      { ...entry, after_json: JSON.parse(entry!.after_json!) },
      {
        actor: account.siteAdmin.sub,
        action: 'payment-method.added',
        target: method.id,
        before_json: null,
        after_json: { kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, isDefault: true },
        at: '2026-11-27T10:00:00.000Z',
      },
    );
  });
});

describe('the list of payment methods', () => {
  it('shows the default first, then the newest', async () => {
    const { add, list, clock, app, token } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    clock.set('2026-11-27T10:01:00.000Z');
    const mastercard = await add(cardDetails('5555555555554444'));
    clock.set('2026-11-27T10:02:00.000Z');
    const bank = await add(bankAccountDetails('000123456789'));
    assert.deepEqual((await list()).map((method) => method.id), [visa.id, bank.id, mastercard.id]);
    await call(app, 'POST', `/v1/payment-methods/${mastercard.id}/default`, { token });
    assert.deepEqual((await list()).map((method) => [method.id, method.isDefault]), [
      [mastercard.id, true],
      [bank.id, false],
      [visa.id, false],
    ]);
  });

  it('flags a card expired once its expiry month is over, by the clock', async () => {
    const { add, clock, app } = await setUp();
    await add(cardDetails('4242424242424242', { expMonth: 11, expYear: 2026 }));
    await add(bankAccountDetails('000123456789'));
    const token = await mintToken({ sub: 'acme-admin', customer: 'acme' }, { expiresIn: '30d' });
    const expiredFlags = async () => {
      const list = await (await call(app, 'GET', '/v1/payment-methods', { token })).json();
      assert.equal(list.nextCursor, null);
      return list.data.map((method: { isExpired: boolean }) => method.isExpired);
    };
    clock.set('2026-11-30T23:59:59.000Z');
    assert.deepEqual(await expiredFlags(), [false, false]);
    clock.set('2026-12-01T00:00:00.000Z');
    assert.deepEqual(await expiredFlags(), [true, false]);
  });
});

describe('choosing the default payment method', () => {
  it('makes the method the default and the previous one not, in the audit log too', async () => {
    const { add, list, app, token, db, clock } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    const mastercard = await add(cardDetails('5555555555554444'));
    clock.set('2026-11-27T10:05:00.000Z');
    const response = await call(app, 'POST', `/v1/payment-methods/${mastercard.id}/default`, { token });
    assert.equal(response.status, 200);
    assert.deepEqual([(await response.json()).isDefault, (await list()).filter((method) => method.isDefault).map((method) => method.id)], [true, [mastercard.id]]);
    const entry = (await auditOf(db)).at(-1)!;
    assert.deepEqual(
      [entry.action, entry.target, JSON.parse(entry.before_json!), JSON.parse(entry.after_json!)],
      ['payment-method.default-changed', mastercard.id, { defaultPaymentMethodId: visa.id }, { defaultPaymentMethodId: mastercard.id }],
    );
  });

  it('changes and logs nothing for the method that is the default already', async () => {
    const { add, app, token, db } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    const response = await call(app, 'POST', `/v1/payment-methods/${visa.id}/default`, { token });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).isDefault, true);
    assert.deepEqual((await auditOf(db)).map((entry) => entry.action), ['payment-method.added']);
  });

  it('answers 404 for a method that is not on file', async () => {
    const { app, token } = await setUp();
    const response = await call(app, 'POST', '/v1/payment-methods/pm_nothing/default', { token });
    assert.equal(response.status, 404);
    assert.equal((await response.json()).type, problemType('not-found'));
  });
});

describe('removing a payment method', () => {
  it('removes a method that is not the default, in the audit log too', async () => {
    const { add, list, app, token, db } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    const mastercard = await add(cardDetails('5555555555554444'));
    const response = await call(app, 'DELETE', `/v1/payment-methods/${mastercard.id}`, { token });
    assert.equal(response.status, 204);
    assert.deepEqual((await list()).map((method) => method.id), [visa.id]);
    const entry = (await auditOf(db)).at(-1)!;
    assert.deepEqual(
      [entry.action, entry.target, JSON.parse(entry.before_json!)],
      ['payment-method.removed', mastercard.id, { kind: 'card', brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2030, isDefault: false }],
    );
  });

  it('refuses to remove the default while others are on file: choose another default first', async () => {
    const { add, list, app, token } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    await add(cardDetails('5555555555554444'));
    const response = await call(app, 'DELETE', `/v1/payment-methods/${visa.id}`, { token });
    assert.equal(response.status, 409);
    assert.match((await response.json()).detail, /^Visa ·· 4242 is your default payment method: choose another default first/);
    assert.equal((await list()).length, 2);
  });

  it('removes the only method, default or not, and the next one added becomes the default', async () => {
    const { add, list, app, token } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    assert.equal((await call(app, 'DELETE', `/v1/payment-methods/${visa.id}`, { token })).status, 204);
    assert.deepEqual(await list(), []);
    assert.equal((await add(cardDetails('5555555555554444'))).isDefault, true);
  });

  it('lets the same card be added again once removed', async () => {
    const { add, app, token } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    await call(app, 'DELETE', `/v1/payment-methods/${visa.id}`, { token });
    assert.equal((await add(cardDetails('4242424242424242'))).last4, '4242');
  });

  it('keeps the label on transactions paid with the removed method', async () => {
    const { add, app, token, db } = await setUp();
    const visa = await add(cardDetails('4242424242424242'));
    await db
      .insertInto('transactions')
      .values({
        id: 'txn_1', customer_id: 'acme', kind: 'payment', status: 'succeeded', amount: 4900, currency: 'USD',
        payment_method_id: visa.id, method_label: 'Visa ·· 4242', reference: 'ch_1', failure_reason: null, decline_code: null,
        occurred_at: '2026-11-27T10:00:00.000Z',
      })
      .execute();
    assert.equal((await call(app, 'DELETE', `/v1/payment-methods/${visa.id}`, { token })).status, 204);
    const transaction = await db.selectFrom('transactions').select(['payment_method_id', 'method_label']).executeTakeFirstOrThrow();
    assert.deepEqual(transaction, { payment_method_id: null, method_label: 'Visa ·· 4242' });
  });

  it('answers 404 for a method that is not on file', async () => {
    const { app, token } = await setUp();
    assert.equal((await call(app, 'DELETE', '/v1/payment-methods/pm_nothing', { token })).status, 404);
  });
});

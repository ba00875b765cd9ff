import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../../contract/problem.ts';
import { call } from '../support/requests.ts';
import { bankAccountDetails, cardDetails } from '../support/payment-methods.ts';
import { createTestApp } from '../support/test-app.ts';

const pageOrigin = 'https://app.example.test';
const tokensPath = '/sandbox-gateway/v1/tokens';

async function setUp() {
  return createTestApp({ env: { PORTAL_CORS_ORIGINS: pageOrigin } });
}

/** As @hono/node-server passes the connection, so a request comes from `address`. */
const fromAddress = (app: Awaited<ReturnType<typeof setUp>>['app'], address: string, body: unknown) =>
  app.request(
    tokensPath,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: address } } },
  );

describe('the sandbox tokenizer route', () => {
  it('turns card details into a token without the portal’s token, answering only what the card is', async () => {
    const { app } = await setUp();
    const response = await call(app, 'POST', tokensPath, { body: cardDetails('4242 4242 4242 4242') });
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.match(body.token, /^tok_[0-9a-z]{20}$/);
    assert.deepEqual({ ...body, token: 'tok' }, { token: 'tok', kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });
  });

  it('turns bank account details into a token', async () => {
    const { app } = await setUp();
    const response = await call(app, 'POST', tokensPath, { body: bankAccountDetails('000123456789') });
    assert.equal(response.status, 201);
    const { token: _token, ...body } = await response.json();
    assert.deepEqual(body, { kind: 'bank_account', brand: null, last4: '6789', expMonth: null, expYear: null });
  });

  it('answers bad details with a 422 naming each field, never echoing the number', async () => {
    const { app } = await setUp();
    const response = await call(app, 'POST', tokensPath, {
      body: cardDetails('4242 4242 4242 4241', { expMonth: 13, cvc: '12' }),
    });
    assert.equal(response.status, 422);
    const text = await response.text();
    assert.doesNotMatch(text, /4241|4242 4242/);
    const problem = JSON.parse(text);
    assert.equal(problem.type, problemType('validation'));
    assert.deepEqual(problem.errors.map((error: { path: string }) => error.path).sort(), ['card.cvc', 'card.expMonth', 'card.number']);
  });

  it('answers a wrong routing number on bankAccount.routingNumber', async () => {
    const { app } = await setUp();
    const response = await call(app, 'POST', tokensPath, { body: bankAccountDetails('000123456789', { routingNumber: '110000001' }) });
    assert.equal(response.status, 422);
    assert.deepEqual((await response.json()).errors.map((error: { path: string }) => error.path), ['bankAccount.routingNumber']);
  });

  it('wants exactly one of card and bankAccount, and fields of the right types', async () => {
    const { app } = await setUp();
    for (const body of [{}, { ...cardDetails('4242424242424242'), ...bankAccountDetails('000123456789') }]) {
      const response = await call(app, 'POST', tokensPath, { body });
      assert.equal(response.status, 422);
      assert.deepEqual((await response.json()).errors, [{ path: '', message: 'Send either "card" or "bankAccount".' }]);
    }
    const response = await call(app, 'POST', tokensPath, { body: cardDetails('4242424242424242', { expMonth: '12', number: 4242424242424242 }) });
    const text = await response.text();
    assert.equal(response.status, 422);
    assert.doesNotMatch(text, /4242/);
    assert.deepEqual(JSON.parse(text).errors.map((error: { path: string }) => error.path).sort(), ['card.expMonth', 'card.number']);
  });

  it('does not echo an unknown field named by a card number', async () => {
    const { app } = await setUp();
    const response = await call(app, 'POST', tokensPath, { body: { card: { ...cardDetails('4242424242424242').card, '4000 0000 0000 0002': true } } });
    assert.equal(response.status, 422);
    const text = await response.text();
    assert.doesNotMatch(text, /0002/);
    assert.deepEqual(JSON.parse(text).errors, [{ path: 'card.(card number)', message: 'Unknown field.' }]);
  });

  it('answers a browser on a PORTAL_CORS_ORIGINS page, preflight included, and no other origin', async () => {
    const { app } = await setUp();
    const preflight = await app.request(tokensPath, {
      method: 'OPTIONS',
      headers: { Origin: pageOrigin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), pageOrigin);
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Content-Type/i);
    const allowed = await call(app, 'POST', tokensPath, { body: cardDetails('4242424242424242'), headers: { Origin: pageOrigin } });
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), pageOrigin);
    const other = await call(app, 'POST', tokensPath, { body: cardDetails('4242424242424242'), headers: { Origin: 'https://evil.example.test' } });
    assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('takes 20 submissions per client address in 10 minutes, then answers 429 with Retry-After', async () => {
    const { app, clock } = await setUp();
    clock.set('2026-11-27T10:00:00.000Z');
    for (let attempt = 0; attempt < 20; attempt++) {
      // Bad details count too: trying numbers until one passes is what card testing is.
      const details = attempt % 2 === 0 ? cardDetails('4242424242424242') : cardDetails('4242424242424241');
      assert.notEqual((await fromAddress(app, '203.0.113.7', details)).status, 429, `attempt ${attempt + 1}`);
    }
    const refused = await fromAddress(app, '203.0.113.7', cardDetails('4242424242424242'));
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('Retry-After'), '600');
    assert.equal((await refused.json()).type, problemType('rate-limited'));
    assert.equal((await fromAddress(app, '198.51.100.4', cardDetails('4242424242424242'))).status, 201);
    clock.set('2026-11-27T10:10:00.000Z');
    assert.equal((await fromAddress(app, '203.0.113.7', cardDetails('4242424242424242'))).status, 201);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../../contract/problem.ts';
import { routes } from '../../../contract/routes.ts';
import { cardDetails } from '../support/payment-methods.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { adminApiKey, createTestApp } from '../support/test-app.ts';

async function setUp() {
  const test = await createTestApp();
  const account = await provisionAccount(test.app, 'acme');
  return { ...test, token: account.siteAdmin.token };
}

const patchCustomer = (test: Awaited<ReturnType<typeof setUp>>, body: string) =>
  test.app.request('/v1/customer', {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${test.token}`, 'Content-Type': 'application/json', 'If-Match': '*' },
    body,
  });

async function assertRefused(response: Response) {
  assert.equal(response.status, 422);
  const text = await response.text();
  assert.doesNotMatch(text, /4242|5555|3782|0005/, 'the number is never echoed');
  const problem = JSON.parse(text);
  assert.equal(problem.type, problemType('validation'));
  assert.match(problem.detail, /Card numbers go to the payment processor’s tokenizer, never to the portal API/);
  return problem.errors.map((error: { path: string }) => error.path) as string[];
}

describe('a card number sent to the portal API', () => {
  const routesWithBodies = routes.filter((route) => route.access !== 'public' && route.method !== 'get');

  for (const route of routesWithBodies) {
    it(`is refused by ${route.method} ${route.path} with a 422 naming the field, not the number`, async () => {
      const test = await setUp();
      const response = await call(test.app, route.method.toUpperCase(), route.path.replace(/\{\w+\}/g, 'x'), {
        token: route.access === 'admin' ? adminApiKey : test.token,
        body: { note: '4242 4242 4242 4242' },
        headers: { 'Idempotency-Key': 'key-1', 'If-Match': '*' },
      });
      assert.deepEqual(await assertRefused(response), ['note']);
    });
  }

  it('is found as a JSON number, in nested objects and arrays, and as a key; nothing is stored', async () => {
    const test = await setUp();
    const body = JSON.stringify({
      companyName: 'Acme',
      billingContact: { name: 'Bo', email: 'bo@acme.test', phone: '4242-4242-4242-4242' },
      contacts: [{ name: 'Al', email: 'al@acme.test' }, { name: 5555555555554444, email: 'x@acme.test' }],
      address: { line1: 'Main St', city: 'Town', country: 'FR', '378282246310005': 'x' },
    });
    assert.deepEqual(await assertRefused(await patchCustomer(test, body)), ['address', 'billingContact.phone', 'contacts.1.name']);
    const customer = await test.db.selectFrom('customers').select(['company_name', 'version']).executeTakeFirstOrThrow();
    assert.deepEqual(customer, { company_name: 'acme Inc.', version: 1 });
    assert.deepEqual(test.logger.lines, []);
  });

  it('is not a run of digits that fails Luhn, which reaches the route as usual', async () => {
    const test = await setUp();
    const response = await patchCustomer(test, JSON.stringify({ companyName: '4242 4242 4242 4241' }));
    assert.equal(response.status, 200);
  });

  it('leaves malformed JSON to the route’s own 400, and deep nesting is no server error', async () => {
    const test = await setUp();
    assert.equal((await patchCustomer(test, '{"companyName": "4242424242424242"')).status, 400);
    assert.equal((await patchCustomer(test, `${'['.repeat(5000)}"4242424242424242"${']'.repeat(5000)}`)).status, 422);
  });

  it('is what the sandbox tokenizer takes, outside the portal API', async () => {
    const test = await setUp();
    assert.equal((await call(test.app, 'POST', '/sandbox-gateway/v1/tokens', { body: cardDetails('4242 4242 4242 4242') })).status, 201);
  });
});

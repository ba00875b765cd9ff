import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../../contract/problem.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

const address = { line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };
const billingContact = { name: 'Bill Ing', email: 'billing@acme.test', phone: '+1 415 555 0100' };

async function setUp() {
  const test = await createTestApp();
  const account = await provisionAccount(test.app, 'acme', { address, billingContact });
  const token = account.siteAdmin.token;
  const read = () => call(test.app, 'GET', '/v1/customer', { token });
  const patch = (body: unknown, etag?: string | null) =>
    call(test.app, 'PATCH', '/v1/customer', { token, body, headers: etag ? { 'If-Match': etag } : {} });
  return { ...test, token, read, patch };
}

describe('customer information', () => {
  it('is read with its Customer Key, address, contacts and an ETag', async () => {
    const { read } = await setUp();
    const response = await read();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('ETag'), '"1"');
    const customer = await response.json();
    assert.match(customer.customerKey, /^CK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.deepEqual(customer.address, address);
    assert.deepEqual(customer.billingContact, billingContact);
    assert.deepEqual(customer.contacts, []);
    assert.deepEqual([customer.companyName, customer.currency, customer.locale], ['acme Inc.', 'USD', 'en-US']);
  });

  it('is saved with the current ETag, answering the new one, and the change is audited', async () => {
    const { read, patch, db } = await setUp();
    const etag = (await read()).headers.get('ETag');
    const contacts = [{ name: 'Ops Person', email: 'ops@acme.test' }];
    const response = await patch({ companyName: 'Acme Corporation', contacts }, etag);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('ETag'), '"2"');
    const saved = await response.json();
    assert.equal(saved.companyName, 'Acme Corporation');
    assert.deepEqual(saved.contacts, contacts);
    assert.deepEqual(saved.billingContact, billingContact, 'a field not sent stays as it was');
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'customer.updated').executeTakeFirstOrThrow();
    assert.equal(audit.actor, 'acme-admin');
    assert.equal(JSON.parse(audit.before_json!).companyName, 'acme Inc.');
    assert.equal(JSON.parse(audit.after_json!).companyName, 'Acme Corporation');
  });

  it('is not overwritten when someone else saved in between: 412, and their change stays', async () => {
    const { read, patch } = await setUp();
    const etag = (await read()).headers.get('ETag');
    assert.equal((await patch({ companyName: 'First Writer' }, etag)).status, 200);
    const second = await patch({ companyName: 'Second Writer' }, etag);
    assert.equal(second.status, 412);
    const problem = await second.json();
    assert.equal(problem.type, problemType('precondition-failed'));
    assert.match(problem.detail, /Someone else saved/);
    assert.equal((await (await read()).json()).companyName, 'First Writer');
  });

  it('needs If-Match: without it the answer is 428 and nothing changes', async () => {
    const { read, patch } = await setUp();
    const response = await patch({ companyName: 'No Precondition' });
    assert.equal(response.status, 428);
    assert.equal((await response.json()).type, problemType('precondition-required'));
    assert.equal((await (await read()).json()).companyName, 'acme Inc.');
  });

  it('treats a malformed If-Match like a stale one', async () => {
    const { patch } = await setUp();
    assert.equal((await patch({ companyName: 'X' }, 'W/"1"')).status, 412);
    assert.equal((await patch({ companyName: 'X' }, 'garbage')).status, 412);
  });

  it('checks addresses by country: a US address needs a state and a ZIP code', async () => {
    const { patch } = await setUp();
    const response = await patch({ address: { line1: '1 Main St', city: 'Springfield', postalCode: '123', country: 'US' } }, '*');
    assert.equal(response.status, 422);
    assert.deepEqual((await response.json()).errors, [
      { path: 'address.region', message: 'Enter the state or province.' },
      { path: 'address.postalCode', message: 'Use a postal code like 94105 or 94105-1234.' },
    ]);
  });

  it('accepts an address in a country without postal rules, and clears it with null', async () => {
    const { patch } = await setUp();
    const foreign = { line1: 'Plot 12, Ring Road', city: 'Accra', country: 'GH' };
    assert.deepEqual((await (await patch({ address: foreign }, '*')).json()).address, foreign);
    assert.equal((await (await patch({ address: null }, '"2"')).json()).address, null);
  });

  it('refuses an empty change', async () => {
    const { patch } = await setUp();
    const response = await patch({}, '*');
    assert.equal(response.status, 422);
    assert.equal((await response.json()).errors[0].message, 'Send at least one field to change.');
  });

  it('refuses a bad phone number and too many contacts, pointing at each', async () => {
    const { patch } = await setUp();
    const contacts = Array.from({ length: 21 }, (_, index) => ({ name: `C${index}`, email: `c${index}@acme.test` }));
    const response = await patch({ billingContact: { ...billingContact, phone: 'call me' }, contacts }, '*');
    assert.deepEqual(
      (await response.json()).errors.map((error: { path: string }) => error.path),
      ['billingContact.phone', 'contacts'],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

const contactAs = async (env: Record<string, string>) => {
  const { app } = await createTestApp({ env });
  const account = await provisionAccount(app, 'acme');
  const response = await call(app, 'GET', '/v1/contact', { token: account.siteAdmin.token });
  assert.equal(response.status, 200);
  return response.json();
};

describe('the support contact', () => {
  it('gives the support email, phone and web page from the configuration', async () => {
    const contact = await contactAs({
      PORTAL_SUPPORT_EMAIL: 'help@vendor.test',
      PORTAL_SUPPORT_PHONE: '+1 415 555 0100',
      PORTAL_SUPPORT_URL: 'https://vendor.test/support',
    });
    assert.deepEqual(contact, { support: { email: 'help@vendor.test', phone: '+1 415 555 0100', url: 'https://vendor.test/support' } });
  });

  it('answers null for each detail that is not configured', async () => {
    assert.deepEqual(await contactAs({ PORTAL_SUPPORT_EMAIL: '' }), { support: { email: null, phone: null, url: null } });
  });
});

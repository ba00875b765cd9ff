import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DunningRun } from '../../contract/dunning.ts';
import type { PortalDb } from '../../server/store/database.ts';
import { addPaymentMethod, cardDetails } from './support/payment-methods.ts';
import { call, callAdmin, grantPortalAccess, provisionAccount, userToken } from './support/requests.ts';
import { type ServerProcess, startServerProcess } from './support/server-process.ts';
import { adminApiKey, jwtSecret } from './support/test-app.ts';
import { openTestDatabase, postgresUrl, testDatabaseEnv } from './support/test-database.ts';

const accounts = ['acme', 'globex', 'initech'];

describe('two server nodes on one PostgreSQL database', { skip: postgresUrl ? false : 'needs PostgreSQL: npm run test:postgres' }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'portal-nodes-'));
  let nodes: ServerProcess[] = [];
  let db: PortalDb;

  before(async () => {
    const database = await testDatabaseEnv();
    const env = (name: string) => ({
      ...database,
      PORTAL_JWT_SECRET: jwtSecret,
      PORTAL_ADMIN_API_KEY: adminApiKey,
      PORTAL_OUTBOX_DIR: join(folder, name),
      PORTAL_DUNNING_INTERVAL_MINUTES: '0',
    });
    // Started at once on an empty database: both migrate, one waits for the other's lock.
    nodes = await Promise.all([startServerProcess(env('a')), startServerProcess(env('b'))]);
    db = await openTestDatabase(database);
  });

  after(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await db?.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('sends each dunning notice exactly once when both nodes run dunning at the same moment', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    for (const id of accounts) {
      await provisionAccount(a.app, id, { billingContact: { name: 'Bill Ing', email: `billing@${id}.test` } });
      for (const dueAt of ['2020-01-31', '2020-02-29']) {
        await callAdmin(b.app, 'POST', `/admin/v1/customers/${id}/invoices`, {
          issuedAt: '2020-01-01',
          dueAt,
          lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
        });
      }
    }
    const runs = await Promise.all([a, b, a, b].map(async (node) => {
      const response = await callAdmin(node.app, 'POST', '/admin/v1/dunning/run');
      assert.equal(response.status, 200);
      return (await response.json()) as DunningRun;
    }));
    const sentByRuns = runs.flatMap((run) => Object.values(run.sent)).reduce((sum, count) => sum + count, 0);
    const mails = await db.selectFrom('outbox').select(['customer_id', 'subject']).execute();
    const notices = await db.selectFrom('dunning_notices').select(['invoice_id', 'step', 'sent_at']).execute();
    assert.ok(mails.length >= accounts.length, `every account got its notice (${mails.length} mails)`);
    assert.equal(sentByRuns, mails.length, 'the runs together report each mail once');
    assert.equal(notices.length, mails.length, 'one mail per claimed notice');
    assert.ok(notices.every((notice) => notice.sent_at !== null));
    assert.deepEqual([...new Set(mails.map((mail) => mail.customer_id))].sort(), accounts);
    const keys = notices.map((notice) => `${notice.invoice_id} ${notice.step}`);
    assert.equal(new Set(keys).size, keys.length, 'no notice claimed twice');
    const mailKeys = mails.map((mail) => `${mail.customer_id} ${mail.subject}`);
    assert.equal(new Set(mailKeys).size, mailKeys.length, 'no account got the same notice twice');
  });

  it('charges once when the same payment, under the same Idempotency-Key, reaches both nodes at once', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const account = await provisionAccount(a.app, 'hooli');
    await callAdmin(a.app, 'POST', '/admin/v1/customers/hooli/invoices', {
      issuedAt: '2026-09-01',
      dueAt: '2026-10-01',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    const card = await addPaymentMethod(b.app, account.siteAdmin.token, cardDetails('4242424242424242'));
    const pay = (node: ServerProcess) =>
      call(node.app, 'POST', '/v1/payments', {
        token: account.siteAdmin.token,
        body: { paymentMethodId: card.id },
        headers: { 'Idempotency-Key': 'pay-once' },
      });
    const first = await Promise.all([pay(a), pay(b), pay(a), pay(b)]);
    // One request runs the payment; one arriving while it runs is told so (409) and may ask again.
    assert.ok(first.every((response) => response.status === 201 || response.status === 409), first.map((r) => r.status).join());
    assert.ok(first.some((response) => response.status === 201));
    const answers = await Promise.all([a, b].map(async (node) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const response = await pay(node);
        if (response.status === 201) return response.json();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the payment never finished');
    }));
    assert.deepEqual(answers[0], answers[1], 'both nodes answer the same payment');
    assert.equal(answers[0].status, 'succeeded');
    const charges = await db.selectFrom('sandbox_charges').selectAll().execute();
    assert.equal(charges.length, 1, 'one charge at the processor');
    assert.equal(charges[0]!.amount, 4900);
    const payments = await db.selectFrom('transactions').select(['id', 'status']).where('customer_id', '=', 'hooli').execute();
    assert.deepEqual(payments, [{ id: answers[0].id, status: 'succeeded' }]);
  });

  it('lets a user in on one node once the other grants Customer Portal View, and keeps them out once it is revoked', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const account = await provisionAccount(a.app, 'pied-piper');
    const token = await userToken('pied-piper', 'billing');
    // The same token on both nodes, so each has it verified and cached before the change.
    for (const node of [a, b]) assert.equal((await call(node.app, 'GET', '/v1/invoices', { token })).status, 403);
    await grantPortalAccess(a.app, account, 'billing');
    assert.equal((await call(b.app, 'GET', '/v1/invoices', { token })).status, 200);
    const revoked = await call(a.app, 'PUT', '/v1/access/users/billing', { token: account.siteAdmin.token, body: { portalAccess: false } });
    assert.equal(revoked.status, 200);
    assert.equal((await call(b.app, 'GET', '/v1/invoices', { token })).status, 403);
  });
});

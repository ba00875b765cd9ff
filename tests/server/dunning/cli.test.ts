import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { callAdmin, provisionAccount } from '../support/requests.ts';
import { adminApiKey, createTestApp, jwtSecret } from '../support/test-app.ts';
import { testDatabaseEnv } from '../support/test-database.ts';

const folder = mkdtempSync(join(tmpdir(), 'portal-dunning-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const runCli = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/dunning/main.ts'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

describe('npm run dunning', () => {
  it('runs once with the environment’s settings and prints what it sent', async () => {
    const { app, db, databaseEnv } = await createTestApp({ database: await testDatabaseEnv(join(folder, 'portal.db')) });
    await provisionAccount(app, 'acme');
    await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', {
      issuedAt: '2020-01-01',
      dueAt: '2020-01-31',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    await db.destroy();
    const result = runCli({ ...databaseEnv, PORTAL_JWT_SECRET: jwtSecret, PORTAL_ADMIN_API_KEY: adminApiKey, PORTAL_OUTBOX_DIR: join(folder, 'outbox') });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Dunning run at \d{4}-\d\d-\d\dT[\d:.]+Z: 1 sent, 0 failed\.\n {2}sent {4}locked {9}1\n$/);
  });

  it('stops with one clear line and exit code 1 on a wrong setting', () => {
    const result = runCli({ PORTAL_JWT_SECRET: jwtSecret, PORTAL_ADMIN_API_KEY: adminApiKey, PORTAL_DUNNING_OVERDUE_DAYS: 'weekly' });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      'Configuration error: PORTAL_DUNNING_OVERDUE_DAYS must be whole numbers of days separated by commas, such as "7,1", or "none"\n',
    );
  });
});

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { problemType } from '../../../contract/problem.ts';
import { accountLockedType } from '../../../contract/standing.ts';
import { calendarDate } from '../../../server/clock.ts';
import { addDays } from '../../../server/domain/calendar.ts';
import {
  createStandingReader,
  loadConfig,
  type PortalConfig,
  requireGoodStanding,
  type RequireGoodStandingOptions,
  StandingUnavailableError,
  startPortalServer,
} from '../../../server/index.ts';
import { closedSmtpUrl } from '../support/smtp-sink.ts';
import { MemoryLogger } from '../support/test-app.ts';

const adminApiKey = 'guard-test-admin-key-that-is-long-enough-0123';
let portal: Awaited<ReturnType<typeof startPortalServer>>;
let portalUrl: string;
let config: PortalConfig;
const servers: Server[] = [];

const admin = (path: string, body: unknown) =>
  fetch(`${portalUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminApiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function provision(id: string, dueAt?: string) {
  const siteAdmin = { sub: `${id}-admin`, name: `${id} Admin`, email: `admin@${id}.test` };
  assert.equal((await admin('/admin/v1/customers', { id, companyName: `${id} Inc.`, currency: 'USD', siteAdmin })).status, 201);
  if (!dueAt) return;
  const invoice = { issuedAt: addDays(dueAt, -30), dueAt, lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }] };
  assert.equal((await admin(`/admin/v1/customers/${id}/invoices`, invoice)).status, 201);
}

/** A server on loopback that answers as `handle` says (or never, when it does nothing). */
async function otherServer(handle: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

before(async () => {
  config = loadConfig({
    PORT: '0',
    PORTAL_DB: ':memory:',
    PORTAL_JWT_SECRET: 'guard-test-secret-that-is-long-enough-0123',
    PORTAL_ADMIN_API_KEY: adminApiKey,
    PORTAL_SUPPORT_EMAIL: 'support@vendor.test',
    PORTAL_DUNNING_INTERVAL_MINUTES: '0',
  });
  portal = await startPortalServer(config, new MemoryLogger());
  portalUrl = `http://127.0.0.1:${portal.port}`;
  await provision('locked-co', '2020-01-31');
  await provision('late-co', addDays(calendarDate(new Date()), -1));
  await provision('good-co');
});

after(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await portal.close();
});

/** The host's own backend: its API guarded, the account id taken from its (here: simulated) session. */
function hostApp(options: Partial<RequireGoodStandingOptions> = {}) {
  const unavailable: string[] = [];
  const host = new Hono();
  host.use(
    '/api/*',
    requireGoodStanding({
      reader: createStandingReader({ portalUrl, adminApiKey }),
      accountId: (c) => c.req.header('X-Session-Account'),
      onUnavailable: (error) => unavailable.push(error.message),
      ...options,
    }),
  );
  host.get('/api/projects', (c) => c.json({ projects: ['Apollo'] }));
  const request = (account?: string) => host.request('/api/projects', { headers: account ? { 'X-Session-Account': account } : {} });
  return { request, unavailable };
}

describe('getStanding over HTTP, against a listening portal server', () => {
  it('reads a locked, a past-due and a good account, and null for one the portal does not know', async () => {
    const reader = createStandingReader({ portalUrl, adminApiKey });
    const locked = await reader.getStanding('locked-co');
    assert.deepEqual(
      [locked?.status, locked?.pastDueAmount, locked?.lockAt, locked?.contact],
      ['locked', 4900, '2020-02-14', { siteAdmin: { name: 'locked-co Admin', email: 'admin@locked-co.test' }, support: { email: 'support@vendor.test' } }],
    );
    assert.equal((await reader.getStanding('late-co'))?.status, 'past_due');
    assert.equal((await reader.getStanding('good-co'))?.status, 'good');
    assert.equal(await reader.getStanding('nobody'), null);
  });

  it('reads the same standing straight from the database when the portal runs in the same process', async () => {
    const overHttp = await createStandingReader({ portalUrl, adminApiKey }).getStanding('locked-co');
    assert.deepEqual(await createStandingReader({ db: portal.db, config }).getStanding('locked-co'), overHttp);
    assert.equal(await createStandingReader({ db: portal.db, config }).getStanding('nobody'), null);
  });

  it('fails with a clear StandingUnavailableError when nothing listens, the key is wrong, or the URL is not the portal', async () => {
    const nothingListens = closedSmtpUrl().then((url) => url.replace(/^smtp/, 'http').replace(/\?.*$/, ''));
    const notThePortal = await otherServer((_request, response) => response.writeHead(404).end('Not here'));
    const cases: [string, Parameters<typeof createStandingReader>[0]][] = [
      ['cannot be reached', { portalUrl: await nothingListens, adminApiKey }],
      ['refused the admin API key (401): check adminApiKey', { portalUrl, adminApiKey: 'wrong-key' }],
      [
        "answered 404 to /admin/v1/customers/locked-co/standing without a standing: is portalUrl the portal server's base URL?",
        { portalUrl: notThePortal, adminApiKey },
      ],
    ];
    for (const [message, source] of cases) {
      await assert.rejects(createStandingReader(source).getStanding('locked-co'), (error) => {
        assert.ok(error instanceof StandingUnavailableError);
        assert.ok(error.message.includes(message), error.message);
        return true;
      });
    }
  });

  it('gives up after its timeout when the portal does not answer', async () => {
    const silent = await otherServer(() => {});
    const started = Date.now();
    await assert.rejects(createStandingReader({ portalUrl: silent, adminApiKey, timeoutMs: 200 }).getStanding('locked-co'), {
      name: 'StandingUnavailableError',
      message: `The Customer Portal at ${silent}/ did not answer within 200 ms.`,
    });
    assert.ok(Date.now() - started < 2000);
  });
});

describe('requireGoodStanding on a host backend', () => {
  it('answers a locked account 402 problem+json with its standing, and never runs the route', async () => {
    const response = await hostApp().request('locked-co');
    assert.equal(response.status, 402);
    assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
    assert.equal(response.headers.get('Portal-Standing'), 'locked');
    const problem = await response.json();
    assert.deepEqual([problem.type, problem.status, problem.standing.status, problem.standing.lockAt], [accountLockedType, 402, 'locked', '2020-02-14']);
    assert.equal(problem.projects, undefined);
  });

  it('lets a good account through', async () => {
    const response = await hostApp().request('good-co');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { projects: ['Apollo'] });
    assert.equal(response.headers.get('Portal-Standing'), 'good');
  });

  it('lets a past-due account through, saying so in Portal-Standing', async () => {
    const response = await hostApp().request('late-co');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Portal-Standing'), 'past_due');
  });

  it('leaves requests without a signed-in account to the host’s own auth', async () => {
    const response = await hostApp().request();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Portal-Standing'), null);
  });

  it('answers 403 when told to, or whatever onLocked answers', async () => {
    assert.equal((await hostApp({ lockedStatus: 403 }).request('locked-co')).status, 403);
    const redirected = await hostApp({ onLocked: (c, standing) => c.redirect(`/billing/locked?since=${standing.lockAt}`) }).request('locked-co');
    assert.deepEqual([redirected.status, redirected.headers.get('Location')], [302, '/billing/locked?since=2020-02-14']);
  });

  it('lets requests through when the portal is unreachable, by default, and says why', async () => {
    const silent = await otherServer(() => {});
    const host = hostApp({ reader: createStandingReader({ portalUrl: silent, adminApiKey, timeoutMs: 100 }) });
    const response = await host.request('locked-co');
    assert.deepEqual([response.status, response.headers.get('Portal-Standing')], [200, 'unknown']);
    assert.deepEqual(host.unavailable, [`The Customer Portal at ${silent}/ did not answer within 100 ms.`]);
  });

  it('answers 503 when the portal is unreachable and the host chose to deny', async () => {
    const silent = await otherServer(() => {});
    const host = hostApp({ reader: createStandingReader({ portalUrl: silent, adminApiKey, timeoutMs: 100 }), whenUnavailable: 'deny' });
    const response = await host.request('good-co');
    assert.deepEqual([response.status, response.headers.get('Retry-After'), (await response.json()).type], [503, '30', problemType('service-unavailable')]);
  });
});

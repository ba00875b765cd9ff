import { assert } from '@esm-bundle/chai';
import { PortalApiError, PortalClient } from '../../../widgets/index.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';

const env = await loadPortalTestEnv();

/** A host's token provider that hands out `tokens` in turn (repeating the last) and counts its calls. */
function tokenProvider(...tokens: string[]) {
  const provider = {
    calls: 0,
    next: async () => tokens[Math.min(provider.calls++, tokens.length - 1)]!,
  };
  return provider;
}

function clientFor(provider: ReturnType<typeof tokenProvider>, apiBase = env.origin) {
  return new PortalClient({ apiBase, tokenProvider: provider.next });
}

async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

async function apiErrorOf(call: Promise<unknown>): Promise<PortalApiError> {
  const error = await rejectionOf(call);
  assert.instanceOf(error, PortalApiError);
  return error as PortalApiError;
}

describe('PortalClient', () => {
  it('reads the signed-in user from the portal server on another origin', async () => {
    assert.notEqual(new URL(env.origin).origin, location.origin);
    const me = await clientFor(tokenProvider(env.tokens.acmeAdmin)).getMe();
    assert.include(me, { sub: 'u-100', name: 'Ada Admin', isSiteAdmin: true, hasPortalAccess: true });
    assert.equal(me.customer.id, 'acme');
  });

  it('asks the host for a token once and reuses it for later calls', async () => {
    const provider = tokenProvider(env.tokens.acmeAdmin);
    const client = clientFor(provider);
    await Promise.all([client.getMe(), client.getStanding()]);
    await client.getMe();
    assert.equal(provider.calls, 1);
  });

  it('asks the host for a fresh token after a 401 and retries with it', async () => {
    const provider = tokenProvider(env.tokens.acmeAdminExpired, env.tokens.acmeAdmin);
    const me = await clientFor(provider).getMe();
    assert.equal(me.sub, 'u-100');
    assert.equal(provider.calls, 2);
  });

  it('shares one fresh token between calls refused together', async () => {
    const provider = tokenProvider(env.tokens.acmeAdminExpired, env.tokens.acmeAdmin);
    const client = clientFor(provider);
    await Promise.all([client.getMe(), client.getStanding(), client.getCustomer()]);
    assert.equal(provider.calls, 2);
  });

  it('fails as unauthorized when the fresh token is refused too', async () => {
    const provider = tokenProvider(env.tokens.acmeAdminExpired);
    const error = await apiErrorOf(clientFor(provider).getMe());
    assert.include(error, { kind: 'unauthorized', status: 401 });
    assert.match(error.detail ?? '', /expired/);
    assert.equal(provider.calls, 2);
  });

  it('reads the standing of the account', async () => {
    const standing = await clientFor(tokenProvider(env.tokens.acmeAdmin)).getStanding();
    assert.include(standing, { status: 'good', balanceDue: 0, canPay: true });
  });

  it('lists subscriptions with their active features and add-ons on offer', async () => {
    const subscriptions = await clientFor(tokenProvider(env.tokens.acmeAdmin)).listSubscriptions();
    assert.deepEqual(
      subscriptions.data.map((subscription) => [subscription.plan, subscription.features.map((feature) => [feature.name, feature.isActive])]),
      [['Pro', [['Glaxis', true], ['Web API', false]]]],
    );
    assert.isNull(subscriptions.nextCursor);
  });

  it('returns the customer with the ETag the server exposes through CORS', async () => {
    const customer = await clientFor(tokenProvider(env.tokens.acmeAdmin)).getCustomer();
    assert.equal(customer.data.companyName, 'Acme Inc.');
    assert.match(customer.etag ?? '', /^"\d+"$/);
  });

  it('saves a change made against the current ETag and returns the new ETag', async () => {
    const client = clientFor(tokenProvider(env.tokens.globexAdmin));
    const before = await client.getCustomer();
    const saved = await client.updateCustomer({ companyName: 'Globex Europe GmbH' }, before.etag);
    assert.equal(saved.data.companyName, 'Globex Europe GmbH');
    assert.match(saved.etag ?? '', /^"\d+"$/);
    assert.notEqual(saved.etag, before.etag);
  });

  it('fails as precondition-failed when the change is made against a stale ETag', async () => {
    const client = clientFor(tokenProvider(env.tokens.globexAdmin));
    const opened = await client.getCustomer();
    await client.updateCustomer({ companyName: 'Globex Holdings' }, opened.etag);
    const error = await apiErrorOf(client.updateCustomer({ companyName: 'Globex Ltd' }, opened.etag));
    assert.include(error, { kind: 'precondition-failed', status: 412 });
  });

  it('fails as validation with the message for each bad field by its path', async () => {
    const client = clientFor(tokenProvider(env.tokens.globexAdmin));
    const { etag } = await client.getCustomer();
    const change = { billingContact: { name: 'Grace Globex', email: 'grace-at-globex' } };
    const error = await apiErrorOf(client.updateCustomer(change, etag));
    assert.include(error, { kind: 'validation', status: 422 });
    assert.isString(error.fieldMessage('billingContact.email'));
    assert.isUndefined(error.fieldMessage('billingContact.name'));
    assert.isString(error.requestId);
  });

  it('grants portal access to a user the host names by sub', async () => {
    const client = clientFor(tokenProvider(env.tokens.globexAdmin));
    const user = await client.setPortalAccess('auth0|g-300', { portalAccess: true, name: 'Gus Grant' });
    assert.include(user, { sub: 'auth0|g-300', hasPortalAccess: true, grantedBy: 'Grace Globex' });
    const users = await client.listAccessUsers();
    assert.include(users.data.map((listed) => listed.sub), 'auth0|g-300');
  });

  it('removes a user from the portal', async () => {
    const client = clientFor(tokenProvider(env.tokens.globexAdmin));
    await client.setPortalAccess('g-301', { portalAccess: true });
    await client.removeAccessUser('g-301');
    const users = await client.listAccessUsers();
    assert.notInclude(users.data.map((listed) => listed.sub), 'g-301');
  });

  it('sends the Idempotency-Key it is given', async () => {
    const sentKeys: (string | null)[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      sentKeys.push(new Headers(init?.headers).get('Idempotency-Key'));
      return realFetch(input, init);
    };
    try {
      await clientFor(tokenProvider(env.tokens.globexAdmin)).setPortalAccess('g-302', { portalAccess: true }, { idempotencyKey: 'grant-g-302' });
    } finally {
      window.fetch = realFetch;
    }
    assert.deepEqual(sentKeys, ['grant-g-302']);
  });

  it('fails as a network error when the server does not trust the page origin (CORS)', async () => {
    await fetch(`${env.closedOrigin}/healthz`, { mode: 'no-cors' }); // the server is up: only CORS can refuse
    const error = await apiErrorOf(clientFor(tokenProvider(env.tokens.acmeAdmin), env.closedOrigin).getMe());
    assert.include(error, { kind: 'network', status: 0 });
  });

  it('fails as unknown when the answer is not a problem from the portal server', async () => {
    const error = await apiErrorOf(clientFor(tokenProvider(env.tokens.acmeAdmin), location.origin).getMe());
    assert.include(error, { kind: 'unknown', status: 404 });
  });

  it('rejects with an AbortError when the caller aborts', async () => {
    const controller = new AbortController();
    const call = clientFor(tokenProvider(env.tokens.acmeAdmin)).getMe({ signal: controller.signal });
    controller.abort();
    const error = await rejectionOf(call);
    assert.instanceOf(error, DOMException);
    assert.equal((error as DOMException).name, 'AbortError');
  });
});

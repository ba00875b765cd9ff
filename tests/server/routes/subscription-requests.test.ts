import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { problemType } from '../../../contract/problem.ts';
import { call, callAdmin, grantPortalAccess, provisionAccount, userToken } from '../support/requests.ts';
import { closedSmtpUrl, type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestApp } from '../support/test-app.ts';

const sinks: SmtpSink[] = [];
after(() => Promise.all(sinks.map((sink) => sink.close())));

async function smtpSink(options: { refuseMessages?: boolean } = {}) {
  const sink = await startSmtpSink(options);
  sinks.push(sink);
  return sink;
}

/** Acme on a Pro subscription: Glaxis active, Web API on offer. */
async function setUp(env: Record<string, string> = {}) {
  const test = await createTestApp({ env });
  const account = await provisionAccount(test.app, 'acme');
  const subscription = await callAdmin(test.app, 'POST', '/admin/v1/customers/acme/subscriptions', {
    plan: 'Pro',
    unitAmount: 4900,
    interval: 'month',
    startsAt: '2026-01-01',
    invoiceTerms: 'Invoiced monthly in advance',
    paymentTerms: 'Net 30',
    features: [
      { name: 'Glaxis', unitAmount: 1500, active: true },
      { name: 'Web API', unitAmount: 2500, active: false },
    ],
  });
  const subscriptionId: string = (await subscription.json()).id;
  const token = account.siteAdmin.token;
  const ask = (body: unknown) => call(test.app, 'POST', '/v1/subscriptions/requests', { token, body });
  const list = async () => (await call(test.app, 'GET', '/v1/subscriptions/requests', { token })).json();
  const storedRequests = () => test.db.selectFrom('subscription_requests').selectAll().execute();
  const customerKey: string = (await (await call(test.app, 'GET', '/v1/customer', { token })).json()).customerKey;
  return { ...test, account, subscriptionId, token, ask, list, storedRequests, customerKey };
}

describe('a subscription change request', () => {
  it('is recorded as pending and mailed over SMTP to the sales address, naming the company, Customer Key, feature and requester', async () => {
    const sink = await smtpSink();
    const { ask, subscriptionId, customerKey, clock } = await setUp({
      PORTAL_SMTP_URL: sink.url,
      PORTAL_SALES_EMAIL: 'sales@vendor.test',
      PORTAL_MAIL_FROM: 'Vendor Billing <billing@vendor.test>',
    });
    clock.set('2026-11-27T09:30:00.000Z');
    const response = await ask({ subscriptionId, kind: 'add_feature', featureName: 'web api', message: 'For our new integration.' });
    assert.equal(response.status, 201);
    const request = await response.json();
    assert.match(request.id, /^req_/);
    assert.deepEqual(
      { ...request, id: undefined },
      {
        id: undefined,
        subscriptionId,
        kind: 'add_feature',
        featureName: 'Web API',
        message: 'For our new integration.',
        status: 'pending',
        requestedBy: { sub: 'acme-admin', name: 'acme Admin', email: 'admin@acme.test' },
        createdAt: '2026-11-27T09:30:00.000Z',
      },
    );

    assert.equal(sink.received.length, 1);
    const { envelopeTo, mail } = sink.received[0]!;
    assert.deepEqual(envelopeTo, ['sales@vendor.test']);
    assert.equal(mail.from?.text, '"Vendor Billing" <billing@vendor.test>');
    assert.equal(mail.subject, `Change request from acme Inc. (${customerKey}): add Web API to the Pro subscription`);
    assert.match(mail.text ?? '', new RegExp(`Customer Key: +${customerKey}`));
    assert.match(mail.text ?? '', /Feature: +Web API/);
    assert.match(mail.text ?? '', /Requested by: +acme Admin <admin@acme\.test> \(user id acme-admin\)/);
    assert.match(mail.text ?? '', /For our new integration\./);
  });

  it('shows as pending in the account’s list once sent', async () => {
    const { ask, list } = await setUp();
    const request = await (await ask({ kind: 'change_plan', message: 'We would like the yearly plan.' })).json();
    assert.deepEqual(await list(), { data: [request], nextCursor: null });
  });

  it('is written to the audit log with who asked for what', async () => {
    const { ask, db, subscriptionId } = await setUp();
    const request = await (await ask({ subscriptionId, kind: 'remove_feature', featureName: 'Glaxis' })).json();
    const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'subscription.change-requested').execute();
    assert.deepEqual(
      entries.map((entry) => [entry.customer_id, entry.actor, entry.target, JSON.parse(entry.after_json!)]),
      [['acme', 'acme-admin', request.id, request]],
    );
  });

  it('goes to the support address when no sales address is set', async () => {
    const { ask, db } = await setUp();
    assert.equal((await ask({ kind: 'cancel' })).status, 201);
    const messages = await db.selectFrom('outbox').select(['recipients', 'customer_id']).execute();
    assert.deepEqual(messages, [{ recipients: JSON.stringify(['support@vendor.test']), customer_id: 'acme' }]);
  });

  it('lands, with no SMTP server configured, in the outbox table and as an .eml file that parses back', async () => {
    const { ask, db, config, customerKey, clock } = await setUp();
    clock.set('2026-11-27T10:00:00.000Z');
    await ask({ kind: 'other', message: 'Can we pay yearly?' });
    const [message] = await db.selectFrom('outbox').selectAll().execute();
    assert.ok(message);
    assert.ok(message.eml_path?.startsWith(config.outboxFolder), 'the .eml is in the configured outbox folder');
    const mail = await simpleParser(await readFile(message.eml_path!));
    assert.equal(mail.subject, message.subject);
    assert.equal(mail.subject, `Change request from acme Inc. (${customerKey}): change something about their account`);
    assert.equal(mail.from?.text, '"Customer Portal" <billing@localhost>');
    assert.deepEqual(mail.to && !Array.isArray(mail.to) && mail.to.value.map((address) => address.address), ['support@vendor.test']);
    assert.equal(mail.date?.toISOString(), '2026-11-27T10:00:00.000Z');
    assert.equal(mail.text, message.body_text);
    assert.match(mail.text ?? '', /Can we pay yearly\?/);
  });

  it('is refused with 503, storing nothing, when neither a sales nor a support address is set', async () => {
    const { ask, storedRequests, db } = await setUp({ PORTAL_SUPPORT_EMAIL: '' });
    const response = await ask({ kind: 'cancel' });
    assert.equal(response.status, 503);
    const problem = await response.json();
    assert.equal(problem.type, problemType('service-unavailable'));
    assert.match(problem.detail, /cannot be sent: this portal has no sales or support address/);
    assert.deepEqual(await storedRequests(), []);
    assert.deepEqual(await db.selectFrom('outbox').select('id').execute(), []);
  });

  it('is taken back with a 503 when the mail server refuses the message, so nothing is kept and it can be sent again', async () => {
    const sink = await smtpSink({ refuseMessages: true });
    const { ask, list, storedRequests, subscriptionId, logger } = await setUp({ PORTAL_SMTP_URL: sink.url });
    const body = { subscriptionId, kind: 'add_feature', featureName: 'Web API' };
    const response = await ask(body);
    assert.equal(response.status, 503);
    const problem = await response.json();
    assert.equal(problem.type, problemType('service-unavailable'));
    assert.match(problem.detail, /could not reach the sales team, so nothing was sent.*try again/);
    assert.deepEqual(await storedRequests(), []);
    assert.deepEqual((await list()).data, []);
    assert.ok(logger.lines.some((line) => line.level === 'error' && line.message === 'subscription request not sent'));
    assert.equal((await ask(body)).status, 503, 'the retry is not refused as a duplicate');
  });

  it('is taken back with a 503 when the mail server cannot be reached', async () => {
    const { ask, storedRequests } = await setUp({ PORTAL_SMTP_URL: await closedSmtpUrl() });
    const response = await ask({ kind: 'cancel' });
    assert.equal(response.status, 503);
    assert.deepEqual(await storedRequests(), []);
  });

  it('leaves the withdrawal in the audit log when the mail could not be sent', async () => {
    const sink = await smtpSink({ refuseMessages: true });
    const { ask, db } = await setUp({ PORTAL_SMTP_URL: sink.url });
    await ask({ kind: 'cancel' });
    const actions = await db.selectFrom('audit_log').select('action').where('action', 'like', 'subscription.change-%').orderBy('at').execute();
    assert.deepEqual(actions.map((entry) => entry.action), ['subscription.change-requested', 'subscription.change-request-withdrawn']);
  });

  it('answers 409 with a sentence when the same request is still pending', async () => {
    const { ask, storedRequests, subscriptionId, clock } = await setUp();
    clock.set('2026-11-20T08:00:00.000Z');
    assert.equal((await ask({ subscriptionId, kind: 'add_feature', featureName: 'Web API' })).status, 201);
    const again = await ask({ subscriptionId, kind: 'add_feature', featureName: 'WEB API' });
    assert.equal(again.status, 409);
    const problem = await again.json();
    assert.equal(problem.type, problemType('conflict'));
    assert.equal(problem.detail, 'acme Admin asked for this on 2026-11-20 and it is still pending with the sales team.');
    assert.equal((await storedRequests()).length, 1);
  });

  it('can be asked again once the earlier one is resolved', async () => {
    const { ask, db, subscriptionId } = await setUp();
    assert.equal((await ask({ subscriptionId, kind: 'cancel' })).status, 201);
    await db.updateTable('subscription_requests').set({ status: 'resolved' }).execute();
    assert.equal((await ask({ subscriptionId, kind: 'cancel' })).status, 201);
  });

  it('with free text may stand beside another pending one with a different message', async () => {
    const { ask } = await setUp();
    assert.equal((await ask({ kind: 'other', message: 'Can we pay yearly?' })).status, 201);
    assert.equal((await ask({ kind: 'other', message: 'Can invoices go to finance@acme.test?' })).status, 201);
    assert.equal((await ask({ kind: 'other', message: 'Can we pay yearly?' })).status, 409);
  });

  it('is kept to one pending per subscription, kind and feature by the database too', async () => {
    const { db, subscriptionId } = await setUp();
    const row = (id: string) => ({
      id,
      customer_id: 'acme',
      subscription_id: subscriptionId,
      kind: 'add_feature' as const,
      feature_name: 'Web API',
      message: null,
      status: 'pending' as const,
      requested_by_subject: 'acme-admin',
      requested_by_name: null,
      requested_by_email: null,
      created_at: '2026-11-27T00:00:00.000Z',
    });
    await db.insertInto('subscription_requests').values(row('req_1')).execute();
    await assert.rejects(db.insertInto('subscription_requests').values(row('req_2')).execute(), /UNIQUE|unique constraint/);
  });

  it('answers 404 for a subscription id the account does not have', async () => {
    const { ask, storedRequests } = await setUp();
    const response = await ask({ subscriptionId: 'sub_missing', kind: 'cancel' });
    assert.equal(response.status, 404);
    assert.equal((await response.json()).detail, 'No subscription with this id in your account.');
    assert.deepEqual(await storedRequests(), []);
  });

  const invalidBodies: [string, (subscriptionId: string) => unknown, { path: string; message: string }[]][] = [
    [
      'a feature request without the subscription or the feature',
      () => ({ kind: 'add_feature' }),
      [
        { path: 'subscriptionId', message: 'Choose the subscription the feature belongs to.' },
        { path: 'featureName', message: 'Choose the feature.' },
      ],
    ],
    ['a free-text request without a message', () => ({ kind: 'other', message: '   ' }), [{ path: 'message', message: 'Say what you would like to change.' }]],
    ['a message over 2000 characters', () => ({ kind: 'cancel', message: 'x'.repeat(2001) }), [{ path: 'message', message: 'Keep the message to 2000 characters.' }]],
    [
      'a feature on a request that is not about one',
      (subscriptionId) => ({ subscriptionId, kind: 'change_plan', featureName: 'Glaxis' }),
      [{ path: 'featureName', message: 'Only a request to add or remove a feature names one.' }],
    ],
    [
      'adding a feature that is already active',
      (subscriptionId) => ({ subscriptionId, kind: 'add_feature', featureName: 'Glaxis' }),
      [{ path: 'featureName', message: 'Glaxis is already active on this subscription.' }],
    ],
    [
      'removing a feature that is not active',
      (subscriptionId) => ({ subscriptionId, kind: 'remove_feature', featureName: 'Web API' }),
      [{ path: 'featureName', message: 'Web API is not active on this subscription.' }],
    ],
    [
      'a feature the subscription does not offer',
      (subscriptionId) => ({ subscriptionId, kind: 'add_feature', featureName: 'Teleport' }),
      [{ path: 'featureName', message: 'This subscription has no feature called "Teleport".' }],
    ],
  ];
  for (const [what, body, errors] of invalidBodies) {
    it(`is refused with 422 naming the field for ${what}, storing nothing`, async () => {
      const { ask, subscriptionId, storedRequests } = await setUp();
      const response = await ask(body(subscriptionId));
      assert.equal(response.status, 422);
      const problem = await response.json();
      assert.equal(problem.type, problemType('validation'));
      assert.deepEqual(problem.errors, errors);
      assert.deepEqual(await storedRequests(), []);
    });
  }

  it('is refused with 422 for an unknown kind and an unknown field, listing both', async () => {
    const { ask } = await setUp();
    const problem = await (await ask({ kind: 'upgrade', priority: 'high' })).json();
    assert.deepEqual(problem.errors.map((error: { path: string }) => error.path).sort(), ['kind', 'priority']);
  });

  it('may be made by any user holding Customer Portal View, who is named as the requester', async () => {
    const { app, account } = await setUp();
    await grantPortalAccess(app, account, 'billing');
    const response = await call(app, 'POST', '/v1/subscriptions/requests', {
      token: await userToken('acme', 'billing', 'Bill Ing'),
      body: { kind: 'change_plan' },
    });
    assert.equal(response.status, 201);
    assert.deepEqual((await response.json()).requestedBy, { sub: 'billing', name: 'Bill Ing', email: 'billing@example.test' });
  });
});

describe('the list of change requests', () => {
  it('holds the account’s requests newest first, pending and resolved', async () => {
    const { ask, list, db, clock, subscriptionId } = await setUp();
    clock.set('2026-11-01T09:00:00.000Z');
    const older = await (await ask({ subscriptionId, kind: 'remove_feature', featureName: 'Glaxis' })).json();
    clock.set('2026-11-02T09:00:00.000Z');
    const newer = await (await ask({ subscriptionId, kind: 'add_feature', featureName: 'Web API' })).json();
    await db.updateTable('subscription_requests').set({ status: 'resolved' }).where('id', '=', older.id).execute();
    const { data } = await list();
    assert.deepEqual(
      data.map((request: { id: string; status: string }) => [request.id, request.status]),
      [
        [newer.id, 'pending'],
        [older.id, 'resolved'],
      ],
    );
  });

  it('is empty for an account that asked for nothing', async () => {
    const { list } = await setUp();
    assert.deepEqual(await list(), { data: [], nextCursor: null });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../contract/problem.ts';
import { call, provisionAccount } from './support/requests.ts';
import { createTestApp } from './support/test-app.ts';

async function setUp() {
  const test = await createTestApp();
  const account = await provisionAccount(test.app, 'acme');
  return { ...test, token: account.siteAdmin.token };
}

const patchCustomer = (app: Awaited<ReturnType<typeof setUp>>['app'], token: string, body: string, contentType = 'application/json') =>
  app.request('/v1/customer', {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, 'If-Match': '*' },
    body,
  });

async function assertProblem(response: Response, status: number, kind: Parameters<typeof problemType>[0]) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
  const problem = await response.json();
  assert.equal(problem.type, problemType(kind));
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  assert.equal(typeof problem.requestId, 'string');
  assert.equal(problem.requestId, response.headers.get('X-Request-Id'));
  return problem;
}

describe('bad input gets a problem+json answer and changes nothing', () => {
  it('malformed JSON is a 400 that does not echo the body', async () => {
    const { app, token } = await setUp();
    const problem = await assertProblem(await patchCustomer(app, token, '{"companyName": 4242424242424242'), 400, 'malformed-json');
    assert.doesNotMatch(JSON.stringify(problem), /4242/);
  });

  it('a body that is not JSON is a 415', async () => {
    const { app, token } = await setUp();
    await assertProblem(await patchCustomer(app, token, 'companyName=x', 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type');
  });

  it('wrong types are a 422 listing each field path', async () => {
    const { app, token } = await setUp();
    const problem = await assertProblem(
      await patchCustomer(app, token, JSON.stringify({ companyName: 12, billingContact: { name: 'Bo', email: 'not-an-email' } })),
      422,
      'validation',
    );
    assert.deepEqual(problem.errors, [
      { path: 'companyName', message: 'Expected string, got number.' },
      { path: 'billingContact.email', message: 'Use a valid email address.' },
    ]);
  });

  it('unknown fields are a 422 naming each one, nested ones too', async () => {
    const { app, token } = await setUp();
    const problem = await assertProblem(
      await patchCustomer(app, token, JSON.stringify({ companyName: 'Acme', isAdmin: true, billingContact: { name: 'Bo', email: 'bo@acme.test', role: 'x' } })),
      422,
      'validation',
    );
    assert.deepEqual(problem.errors.map((error: { path: string }) => error.path).sort(), ['billingContact.role', 'isAdmin']);
  });

  it('a JSON value that is not an object is a 422 for the whole body', async () => {
    const { app, token } = await setUp();
    for (const body of ['[]', 'null', '"x"', '42']) {
      const problem = await assertProblem(await patchCustomer(app, token, body), 422, 'validation');
      assert.equal(problem.errors[0].path, '');
    }
  });

  it('an oversized body is a 413, whether or not it declares its length', async () => {
    const { app, token } = await setUp();
    const huge = JSON.stringify({ companyName: 'x'.repeat(100 * 1024) });
    await assertProblem(await patchCustomer(app, token, huge), 413, 'payload-too-large');
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const response = await app.request('/v1/customer', {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '*' },
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    await assertProblem(response, 413, 'payload-too-large');
  });

  it('nothing was stored by any of them', async () => {
    const { app, token, db } = await setUp();
    await patchCustomer(app, token, '{"companyName": ');
    await patchCustomer(app, token, JSON.stringify({ companyName: 12 }));
    await patchCustomer(app, token, JSON.stringify({ companyName: 'Evil', isAdmin: true }));
    const customer = await db.selectFrom('customers').select(['company_name', 'version']).executeTakeFirstOrThrow();
    assert.deepEqual(customer, { company_name: 'acme Inc.', version: 1 });
  });

  it('an unknown route is a 404 problem', async () => {
    const { app, token } = await setUp();
    await assertProblem(await call(app, 'GET', '/v1/nothing-here', { token }), 404, 'not-found');
    await assertProblem(await call(app, 'GET', '/v2/customer'), 404, 'not-found');
  });
});

describe('an unexpected failure', () => {
  it('is a plain 500 problem with a reference, no stack or SQL, and is logged with that reference', async () => {
    const { app, db, logger } = await setUp();
    await db.schema.dropTable('customers').execute().catch(() => undefined);
    await db.destroy();
    const response = await app.request('/healthz');
    const problem = await assertProblem(response, 500, 'internal');
    const text = JSON.stringify(problem);
    assert.doesNotMatch(text, /select|sqlite|at .*\.ts|Error:/i);
    assert.match(problem.detail, new RegExp(problem.requestId));
    assert.ok(logger.lines.some((line) => line.level === 'error' && line.fields?.requestId === problem.requestId));
  });
});

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { testBankAccounts, testCards } from '../../server/payments/sandbox/test-numbers.ts';
import { bankAccountDetails, cardDetails, tokenize } from './support/payment-methods.ts';
import { call, callAdmin, provisionAccount } from './support/requests.ts';
import { createTestApp } from './support/test-app.ts';

const folder = mkdtempSync(join(tmpdir(), 'portal-no-card-numbers-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** The CVCs cardDetails sends: 3 digits, 4 for American Express. */
const cvcs = ['739', '7391'];

const numbers = [...testCards.keys(), ...testBankAccounts.keys()];

/** Each number as it could sit in a file: digits, grouped as typed, or as an SQLite integer (8 bytes, big-endian). */
function numberForms(number: string): Buffer[] {
  const integer = Buffer.alloc(8);
  integer.writeBigInt64BE(BigInt(number));
  return [Buffer.from(number), Buffer.from(number.replace(/(\d{4})(?=\d)/g, '$1 ')), integer];
}

/**
 * The text of a file with the random material that may hold any three digits by chance taken out:
 * the fingerprints and their key (each exactly, so digits stored beside one stay), ids and tokens,
 * Customer Keys, request ids and timestamps (patterns of a fixed length, which take no neighbour
 * with them).
 */
const withoutRandomText = (bytes: Buffer, randomValues: string[]) =>
  randomValues
    .reduce((text, value) => text.replaceAll(value, ' '), bytes.toString('latin1'))
    .replace(/[a-z]{2,4}_[0-9a-z]{20}/g, ' ')
    .replace(/CK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g, ' ')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ' ')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, ' ');

function assertNoCardData(what: string, bytes: Buffer, randomValues: string[]) {
  for (const number of numbers) {
    for (const form of numberForms(number)) assert.equal(bytes.indexOf(form), -1, `${what} holds ${number}`);
  }
  const text = withoutRandomText(bytes, randomValues);
  for (const cvc of cvcs) assert.ok(!text.includes(cvc), `${what} holds the CVC ${cvc}`);
}

describe('card and account numbers', () => {
  it('are nowhere in the database file, its write-ahead log, the logs or any answer after cards were added, charged, paid with and removed', async () => {
    const databaseFile = join(folder, 'portal.db');
    const test = await createTestApp({ database: { PORTAL_DB: databaseFile } });
    const { app, clock, db, logger, paymentGateway } = test;
    let now = Date.parse('2026-11-27T10:00:00.000Z');
    clock.set(new Date(now).toISOString());
    const { siteAdmin } = await provisionAccount(app, 'acme');
    const answers: string[] = [];
    const send = async (method: string, path: string, body?: unknown, token: string | undefined = siteAdmin.token) => {
      const response = await call(app, method, path, { token, body });
      answers.push(await response.text());
      return response;
    };

    const methodIds: string[] = [];
    for (const details of [...[...testCards.keys()].map((number) => cardDetails(number)), ...[...testBankAccounts.keys()].map((number) => bankAccountDetails(number))]) {
      // Past the limit on additions per user, as a person adding cards over an afternoon would be.
      now += 150_000;
      clock.set(new Date(now).toISOString());
      const token = await tokenize(app, details);
      const added = await send('POST', '/v1/payment-methods', { token });
      assert.equal(added.status, 201);
      methodIds.push(JSON.parse(answers.at(-1)!).id);
      await paymentGateway.charge({ token, amount: 4900, currency: 'USD', idempotencyKey: `charge-${token}`, description: 'acme' });
    }
    await send('POST', `/v1/payment-methods/${methodIds[1]}/default`);
    await send('DELETE', `/v1/payment-methods/${methodIds[2]}`);
    await send('POST', '/v1/payment-methods', cardDetails('4242 4242 4242 4242'));
    await send('PATCH', '/v1/customer', { companyName: '5555555555554444' });
    await send('POST', '/sandbox-gateway/v1/tokens', cardDetails('4242424242424242', { expMonth: 13 }), undefined);
    await send('POST', '/sandbox-gateway/v1/tokens', { card: { ...cardDetails('4242424242424242').card, '378282246310005': 1 } }, undefined);
    await send('POST', '/sandbox-gateway/v1/tokens', bankAccountDetails('000111111116', { routingNumber: '110000001' }), undefined);

    await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', {
      issuedAt: '2026-11-01',
      dueAt: '2026-11-15',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    const paid = await call(app, 'POST', '/v1/payments', {
      token: siteAdmin.token,
      body: { paymentMethodId: methodIds[0] },
      headers: { 'Idempotency-Key': 'pay-the-balance' },
    });
    assert.equal(paid.status, 201, 'a payment with its receipt went through the portal API');
    answers.push(await paid.text());

    const tokens = await db.selectFrom('sandbox_tokens').select('fingerprint').execute();
    assert.ok(tokens.length >= numbers.length, 'every test number was tokenized');
    const secrets = [
      ...(await db.selectFrom('sandbox_secrets').select('value').execute()).map((row) => row.value),
      ...tokens.map((row) => row.fingerprint),
    ];
    for (const suffix of ['', '-wal']) {
      assert.ok(existsSync(databaseFile + suffix), `${databaseFile + suffix} exists`);
      assertNoCardData(`portal.db${suffix}`, readFileSync(databaseFile + suffix), secrets);
    }
    assertNoCardData('the logs', Buffer.from(JSON.stringify(logger.lines)), secrets);
    assertNoCardData('the answers', Buffer.from(answers.join('\n')), secrets);

    await db.destroy();
    assertNoCardData('portal.db after a checkpoint', readFileSync(databaseFile), secrets);
  });
});

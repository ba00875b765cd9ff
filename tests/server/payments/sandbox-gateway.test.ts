import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { type CardDetails, IdempotencyKeyReuseError, type PaymentDetails, type TokenDescription } from '../../../server/payments/gateway.ts';
import { createSandboxGateway } from '../../../server/payments/sandbox/create-sandbox-gateway.ts';
import { FakeClock } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

async function setUp() {
  const db = await openTestDatabase();
  const clock = new FakeClock();
  clock.set('2026-11-27T10:00:00.000Z');
  return { db, clock, gateway: createSandboxGateway(db, clock) };
}

const card = (number: string, overrides: Partial<CardDetails> = {}): PaymentDetails => ({
  card: { number, expMonth: 12, expYear: 2030, cvc: number.startsWith('37') ? '1234' : '123', name: 'Ada Admin', ...overrides },
});
const bankAccount = (accountNumber: string, routingNumber = '110000000'): PaymentDetails => ({
  bankAccount: { routingNumber, accountNumber, holderName: 'Acme Inc.' },
});

async function tokenized(gateway: Awaited<ReturnType<typeof setUp>>['gateway'], details: PaymentDetails): Promise<TokenDescription> {
  const result = await gateway.tokenize(details);
  assert.ok(result.ok, `tokenize refused: ${JSON.stringify(!result.ok && result.errors)}`);
  return result.description;
}

async function refusals(gateway: Awaited<ReturnType<typeof setUp>>['gateway'], details: PaymentDetails) {
  const result = await gateway.tokenize(details);
  assert.ok(!result.ok, 'tokenize should refuse');
  return Object.fromEntries(result.errors.map((error) => [error.path, error.message]));
}

const charge = (token: string, idempotencyKey: string, amount = 4900) =>
  ({ token, amount, currency: 'USD', idempotencyKey, description: 'Acme Inc. (CK-TEST)' }) as const;

describe('the sandbox gateway’s test numbers', () => {
  const cards = [
    ['4242424242424242', 'visa', 'succeeded'],
    ['5555555555554444', 'mastercard', 'succeeded'],
    ['378282246310005', 'amex', 'succeeded'],
    ['4000000000000002', 'visa', 'card_declined'],
    ['4000000000009995', 'visa', 'insufficient_funds'],
    ['4000000000000069', 'visa', 'expired_card'],
    ['4000000000000127', 'visa', 'incorrect_cvc'],
    ['4000000000000341', 'visa', 'processing_error'],
  ] as const;

  for (const [number, brand, outcome] of cards) {
    it(`tokenizes ${number} as a ${brand} card, and every charge on it ${outcome === 'succeeded' ? 'succeeds' : `fails with ${outcome}`}`, async () => {
      const { gateway } = await setUp();
      const description = await tokenized(gateway, card(number, { number: number.replace(/(\d{4})(?=\d)/g, '$1 ') }));
      assert.deepEqual(
        { ...description, token: description.token.slice(0, 4), fingerprint: typeof description.fingerprint },
        { token: 'tok_', kind: 'card', brand, last4: number.slice(-4), expMonth: 12, expYear: 2030, holderName: 'Ada Admin', fingerprint: 'string' },
      );
      for (const key of ['first', 'second']) {
        const result = await gateway.charge(charge(description.token, `${number}-${key}`));
        assert.equal(result.status === 'failed' ? result.declineCode : result.status, outcome);
        assert.match(result.reference, /^ch_/);
      }
    });
  }

  const accounts = [
    ['000123456789', 'succeeded'],
    ['000111111116', 'account_closed'],
  ] as const;

  for (const [accountNumber, outcome] of accounts) {
    it(`tokenizes bank account ${accountNumber}, and every charge on it ${outcome === 'succeeded' ? 'succeeds' : `fails with ${outcome}`}`, async () => {
      const { gateway } = await setUp();
      const description = await tokenized(gateway, bankAccount(accountNumber));
      assert.deepEqual(
        [description.kind, description.brand, description.last4, description.expMonth, description.expYear, description.holderName],
        ['bank_account', null, accountNumber.slice(-4), null, null, 'Acme Inc.'],
      );
      const result = await gateway.charge(charge(description.token, accountNumber));
      assert.equal(result.status === 'failed' ? result.declineCode : result.status, outcome);
    });
  }

  it('refuses any other card number, even a valid one, so a real card is never kept', async () => {
    const { gateway, db } = await setUp();
    assert.match((await refusals(gateway, card('4111111111111111')))['card.number']!, /only its test card numbers/);
    assert.deepEqual(await db.selectFrom('sandbox_tokens').selectAll().execute(), []);
  });

  it('refuses any other account number', async () => {
    const { gateway } = await setUp();
    assert.match((await refusals(gateway, bankAccount('000987654321')))['bankAccount.accountNumber']!, /only its test account numbers/);
  });
});

describe('the sandbox tokenizer’s field errors', () => {
  it('names card.number for a number failing Luhn, without echoing it', async () => {
    const { gateway } = await setUp();
    const errors = await refusals(gateway, card('4242424242424241'));
    assert.deepEqual(Object.keys(errors), ['card.number']);
    assert.doesNotMatch(JSON.stringify(errors), /424242/);
  });

  it('names card.expMonth for a month outside 1–12 and card.expYear for a year that is not four digits', async () => {
    const { gateway } = await setUp();
    assert.deepEqual(Object.keys(await refusals(gateway, card('4242424242424242', { expMonth: 13 }))), ['card.expMonth']);
    assert.deepEqual(Object.keys(await refusals(gateway, card('4242424242424242', { expMonth: 0 }))), ['card.expMonth']);
    assert.deepEqual(Object.keys(await refusals(gateway, card('4242424242424242', { expYear: 30 }))), ['card.expYear']);
  });

  it('refuses an expiry already past by the clock: a past year on card.expYear, a past month of this year on card.expMonth', async () => {
    const { gateway } = await setUp();
    assert.deepEqual(await refusals(gateway, card('4242424242424242', { expMonth: 12, expYear: 2025 })), { 'card.expYear': 'This card has expired.' });
    assert.deepEqual(await refusals(gateway, card('4242424242424242', { expMonth: 10, expYear: 2026 })), { 'card.expMonth': 'This card has expired.' });
  });

  it('takes a card expiring this month: it is good through the month’s end', async () => {
    const { gateway } = await setUp();
    await tokenized(gateway, card('4242424242424242', { expMonth: 11, expYear: 2026 }));
  });

  it('wants a 3-digit CVC, and 4 digits for American Express', async () => {
    const { gateway } = await setUp();
    for (const cvc of ['12', '1234', '12a', '']) {
      assert.deepEqual(Object.keys(await refusals(gateway, card('4242424242424242', { cvc }))), ['card.cvc'], cvc);
    }
    assert.match((await refusals(gateway, card('378282246310005', { cvc: '123' })))['card.cvc']!, /4-digit/);
    await tokenized(gateway, card('378282246310005', { cvc: '1234' }));
  });

  it('wants the name on the card', async () => {
    const { gateway } = await setUp();
    assert.deepEqual(await refusals(gateway, card('4242424242424242', { name: '  ' })), { 'card.name': 'Enter the name on the card.' });
  });

  it('lists every wrong card field at once', async () => {
    const { gateway } = await setUp();
    const errors = await refusals(gateway, card('1234', { expMonth: 0, expYear: 1999, cvc: '1', name: '' }));
    assert.deepEqual(Object.keys(errors).sort(), ['card.cvc', 'card.expMonth', 'card.expYear', 'card.name', 'card.number']);
  });

  it('checks the routing number with the ABA checksum on bankAccount.routingNumber', async () => {
    const { gateway } = await setUp();
    assert.deepEqual(Object.keys(await refusals(gateway, bankAccount('000123456789', '110000001'))), ['bankAccount.routingNumber']);
    await tokenized(gateway, bankAccount('000123456789', '021000021'));
  });

  it('wants the account holder’s name and an account number of digits', async () => {
    const { gateway } = await setUp();
    const errors = await refusals(gateway, { bankAccount: { routingNumber: '110000000', accountNumber: '12-34', holderName: ' ' } });
    assert.deepEqual(Object.keys(errors).sort(), ['bankAccount.accountNumber', 'bankAccount.holderName']);
  });
});

describe('a sandbox token', () => {
  it('is described as it was tokenized; a token never issued is unknown', async () => {
    const { gateway } = await setUp();
    const description = await tokenized(gateway, card('5555555555554444'));
    assert.deepEqual(await gateway.describeToken(description.token), description);
    assert.equal(await gateway.describeToken('tok_never'), undefined);
  });

  it('has the same fingerprint for the same number, whatever expiry or name, and another for another number', async () => {
    const { gateway } = await setUp();
    const first = await tokenized(gateway, card('4242424242424242'));
    const renewed = await tokenized(gateway, card('4242 4242 4242 4242', { expMonth: 1, expYear: 2031, name: 'A. Admin' }));
    const other = await tokenized(gateway, card('5555555555554444'));
    assert.notEqual(first.token, renewed.token);
    assert.equal(first.fingerprint, renewed.fingerprint);
    assert.notEqual(first.fingerprint, other.fingerprint);
  });

  it('has a fingerprint keyed per database, so it is no plain hash of the number', async () => {
    const first = await tokenized((await setUp()).gateway, card('4242424242424242'));
    const elsewhere = await tokenized((await setUp()).gateway, card('4242424242424242'));
    assert.notEqual(first.fingerprint, elsewhere.fingerprint);
    for (const input of ['4242424242424242', 'card:4242424242424242']) {
      assert.notEqual(first.fingerprint, createHash('sha256').update(input).digest('hex'));
    }
  });
});

describe('a sandbox charge', () => {
  it('happens once per idempotency key: the same key answers the first result again', async () => {
    const { gateway, db } = await setUp();
    const { token } = await tokenized(gateway, card('4242424242424242'));
    const first = await gateway.charge(charge(token, 'attempt-1'));
    const again = await gateway.charge(charge(token, 'attempt-1'));
    assert.deepEqual(again, first);
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => gateway.charge(charge(token, 'attempt-2'))));
    assert.equal(new Set(concurrent.map((result) => result.reference)).size, 1);
    const charges = await db.selectFrom('sandbox_charges').select(['idempotency_key', 'amount']).orderBy('idempotency_key').execute();
    assert.deepEqual(charges, [
      { idempotency_key: 'attempt-1', amount: 4900 },
      { idempotency_key: 'attempt-2', amount: 4900 },
    ]);
  });

  it('answers a declined charge again for its key, declined the same way', async () => {
    const { gateway } = await setUp();
    const { token } = await tokenized(gateway, card('4000000000000002'));
    assert.deepEqual(await gateway.charge(charge(token, 'attempt-1')), await gateway.charge(charge(token, 'attempt-1')));
  });

  it('refuses the same key with another amount, token or currency, charging nothing more', async () => {
    const { gateway, db } = await setUp();
    const { token } = await tokenized(gateway, card('4242424242424242'));
    const other = await tokenized(gateway, card('5555555555554444'));
    await gateway.charge(charge(token, 'attempt-1'));
    await assert.rejects(gateway.charge(charge(token, 'attempt-1', 5000)), IdempotencyKeyReuseError);
    await assert.rejects(gateway.charge(charge(other.token, 'attempt-1')), IdempotencyKeyReuseError);
    await assert.rejects(gateway.charge({ ...charge(token, 'attempt-1'), currency: 'EUR' }), IdempotencyKeyReuseError);
    assert.equal((await db.selectFrom('sandbox_charges').selectAll().execute()).length, 1);
  });

  it('is declined expired_card once the card’s expiry month is over, and goes through until then', async () => {
    const { gateway, clock } = await setUp();
    const { token } = await tokenized(gateway, card('4242424242424242', { expMonth: 11, expYear: 2026 }));
    clock.set('2026-11-30T23:59:00.000Z');
    assert.equal((await gateway.charge(charge(token, 'last-day'))).status, 'succeeded');
    clock.set('2026-12-01T00:00:00.000Z');
    const result = await gateway.charge(charge(token, 'next-month'));
    assert.deepEqual(result.status === 'failed' && result.declineCode, 'expired_card');
  });

  it('refuses an amount that is not a positive whole number, and a token it never issued', async () => {
    const { gateway } = await setUp();
    const { token } = await tokenized(gateway, card('4242424242424242'));
    for (const amount of [0, -100, 12.5]) await assert.rejects(gateway.charge(charge(token, `bad-${amount}`, amount)), RangeError);
    await assert.rejects(gateway.charge(charge('tok_never', 'unknown')), /never issued/);
  });
});

describe('a sandbox refund', () => {
  async function charged() {
    const test = await setUp();
    const { token } = await tokenized(test.gateway, card('4242424242424242'));
    const result = await test.gateway.charge(charge(token, 'attempt-1'));
    return { ...test, token, reference: result.reference };
  }

  it('returns money of a succeeded charge once per key, up to what was charged', async () => {
    const { gateway, reference } = await charged();
    const first = await gateway.refund({ chargeReference: reference, amount: 4000, idempotencyKey: 'refund-1' });
    assert.equal(first.status, 'succeeded');
    assert.match(first.reference, /^re_/);
    assert.deepEqual(await gateway.refund({ chargeReference: reference, amount: 4000, idempotencyKey: 'refund-1' }), first);
    const beyond = await gateway.refund({ chargeReference: reference, amount: 1000, idempotencyKey: 'refund-2' });
    assert.deepEqual(beyond.status === 'failed' && beyond.reason, 'Only 900 of the charge is left to refund.');
    assert.equal((await gateway.refund({ chargeReference: reference, amount: 900, idempotencyKey: 'refund-3' })).status, 'succeeded');
  });

  it('fails for a declined charge or an unknown one', async () => {
    const { gateway } = await setUp();
    const { token } = await tokenized(gateway, card('4000000000000002'));
    const declined = await gateway.charge(charge(token, 'attempt-1'));
    assert.equal((await gateway.refund({ chargeReference: declined.reference, amount: 100, idempotencyKey: 'refund-1' })).status, 'failed');
    assert.equal((await gateway.refund({ chargeReference: 'ch_never', amount: 100, idempotencyKey: 'refund-2' })).status, 'failed');
  });

  it('refuses the same key with another amount or charge', async () => {
    const { gateway, reference } = await charged();
    await gateway.refund({ chargeReference: reference, amount: 100, idempotencyKey: 'refund-1' });
    await assert.rejects(gateway.refund({ chargeReference: reference, amount: 200, idempotencyKey: 'refund-1' }), IdempotencyKeyReuseError);
    await assert.rejects(gateway.refund({ chargeReference: 'ch_other', amount: 100, idempotencyKey: 'refund-1' }), IdempotencyKeyReuseError);
  });
});

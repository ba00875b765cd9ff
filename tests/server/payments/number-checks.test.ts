import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCardExpired } from '../../../server/domain/card-expiry.ts';
import { isCardNumberShaped, passesLuhn } from '../../../server/payments/card-number.ts';
import { isValidRoutingNumber } from '../../../server/payments/sandbox/routing-number.ts';

describe('the Luhn check', () => {
  it('passes card numbers and fails them with one digit changed or two neighbours swapped', () => {
    for (const number of ['4242424242424242', '5555555555554444', '378282246310005', '4000000000000002']) {
      assert.equal(passesLuhn(number), true, number);
    }
    assert.equal(passesLuhn('4242424242424241'), false);
    assert.equal(passesLuhn('2424424242424242'), false);
  });
});

describe('a card-number-shaped value', () => {
  it('is 13 to 19 digits passing Luhn, written with spaces or dashes or none', () => {
    for (const value of ['4242424242424242', '4242 4242 4242 4242', '4242-4242-4242-4242', ' 3782 822463 10005 ', '4222222222222']) {
      assert.equal(isCardNumberShaped(value), true, value);
    }
  });

  it('may be a JSON number', () => {
    assert.equal(isCardNumberShaped(4242424242424242), true);
    assert.equal(isCardNumberShaped(-4242424242424242), true);
    assert.equal(isCardNumberShaped(4242424242424241), false);
  });

  it('counts a whole number too large to keep its digits, since no field takes one', () => {
    assert.equal(isCardNumberShaped(4_000_056_655_665_556_000), true);
  });

  it('is not a number failing Luhn, too short or too long, or digits among other text', () => {
    for (const value of ['4242424242424241', '424242424242', '42424242424242424242', '4242 4242 4242 4242 x', '+1 415 555 0100', '4242  4242 4242 4242', 'INV-000123', 4900, 1e12, 12.5, null, true]) {
      assert.equal(isCardNumberShaped(value), false, String(value));
    }
  });
});

describe('the ABA routing number checksum', () => {
  it('takes 110000000 and real routing numbers', () => {
    for (const routingNumber of ['110000000', '011000015', '021000021', '121000358']) assert.equal(isValidRoutingNumber(routingNumber), true, routingNumber);
  });

  it('weighs the digits 3, 7, 1, so a changed or swapped digit fails', () => {
    for (const routingNumber of ['110000001', '101000000', '021000012', '12100035', '1210003588', '12100035a']) {
      assert.equal(isValidRoutingNumber(routingNumber), false, routingNumber);
    }
  });
});

describe('a card’s expiry', () => {
  const card = { expMonth: 11, expYear: 2026 };

  it('leaves the card good through the last moment of its month', () => {
    assert.equal(isCardExpired(card, new Date('2026-11-30T23:59:59.999Z')), false);
  });

  it('expires it on the first of the next month, across a year end too', () => {
    assert.equal(isCardExpired(card, new Date('2026-12-01T00:00:00.000Z')), true);
    assert.equal(isCardExpired({ expMonth: 12, expYear: 2026 }, new Date('2026-12-31T23:59:59.999Z')), false);
    assert.equal(isCardExpired({ expMonth: 12, expYear: 2026 }, new Date('2027-01-01T00:00:00.000Z')), true);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidCustomerKey, newCustomerKey } from '../../../server/ids.ts';

describe('Customer Keys', () => {
  it('read as CK- and three groups of four unambiguous characters, and are not repeated', () => {
    const keys = Array.from({ length: 2000 }, newCustomerKey);
    for (const key of keys) assert.match(key, /^CK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('carry a check character that catches any single mistyped character', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let round = 0; round < 50; round++) {
      const key = newCustomerKey();
      assert.ok(isValidCustomerKey(key));
      assert.ok(isValidCustomerKey(key.toLowerCase()));
      for (const position of [3, 5, 8, 10, 13, 16]) {
        for (const replacement of alphabet) {
          if (replacement === key[position]) continue;
          const typo = key.slice(0, position) + replacement + key.slice(position + 1);
          assert.equal(isValidCustomerKey(typo), false, `${typo} (from ${key}) should be refused`);
        }
      }
    }
  });
});

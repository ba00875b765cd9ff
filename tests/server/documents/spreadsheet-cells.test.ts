import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnLetters, currencyNumberFormat, dateSerial, escapeXml } from '../../../server/documents/spreadsheet-cells.ts';

describe('spreadsheet cells', () => {
  it('put the currency where the account’s locale writes it, with the currency’s decimals', () => {
    assert.equal(currencyNumberFormat('USD', 'en-US'), '"$"#,##0.00');
    assert.equal(currencyNumberFormat('EUR', 'de-DE'), '#,##0.00"\u00a0€"');
    assert.equal(currencyNumberFormat('JPY', 'ja-JP'), '"￥"#,##0');
    assert.equal(currencyNumberFormat('GBP', 'en-GB'), '"£"#,##0.00');
  });

  it('count days as Excel does, from 1899-12-30, with the time as a fraction', () => {
    assert.equal(dateSerial('1900-03-01'), 61);
    assert.equal(dateSerial('2026-01-05'), 46027);
    assert.equal(dateSerial('2026-01-05T18:00:00.000Z'), 46027.75);
  });

  it('name columns A…Z, then AA', () => {
    assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnLetters), ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('escape markup and drop what XML cannot carry', () => {
    assert.equal(escapeXml('R&D <"x">\u0001\uD800'), 'R&amp;D &lt;&quot;x&quot;&gt;');
  });
});

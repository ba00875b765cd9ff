/** Cell values and number formats as SpreadsheetML stores them. */

const excelEpoch = Date.UTC(1899, 11, 30);
const dayMilliseconds = 86_400_000;

/** A date or instant as Excel's serial day number (1900 date system, UTC). */
export const dateSerial = (dateOrInstant: string): number =>
  (Date.parse(dateOrInstant.length === 10 ? `${dateOrInstant}T00:00:00Z` : dateOrInstant) - excelEpoch) / dayMilliseconds;

const quoted = (text: string) => (text ? `"${text.replace(/"/g, '')}"` : '');

/**
 * The currency's number format as the account's locale writes it, e.g. `"$"#,##0.00` for USD in
 * en-US and `#,##0.00" €"` for EUR in de-DE. Separators in a format code are always "," and ".";
 * Excel shows them as the reader's locale does.
 */
export function currencyNumberFormat(currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  let prefix = '';
  let suffix = '';
  let isAfterNumber = false;
  for (const part of format.formatToParts(1234.5)) {
    if (part.type === 'integer' || part.type === 'group' || part.type === 'decimal' || part.type === 'fraction') {
      isAfterNumber = true;
    } else if (isAfterNumber) {
      suffix += part.value;
    } else {
      prefix += part.value;
    }
  }
  return `${quoted(prefix)}#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}${quoted(suffix)}`;
}

// XML 1.0 cannot carry these at all, escaped or not.
const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (text: string): string =>
  text.replace(forbiddenInXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Spreadsheet column letters of a zero-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

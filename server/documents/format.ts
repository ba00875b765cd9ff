/** Money and dates as the account reads them, through Intl; one formatter per document, not per cell. */

/** Digits after the decimal point in the currency's minor units: 2 for USD, 0 for JPY. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Formats integer minor units, e.g. 4900 USD in en-US as "$49.00". */
export function moneyFormatter(currency: string, locale: string): (minorUnits: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const divisor = 10 ** minorDigits(currency);
  return (minorUnits) => format.format(minorUnits / divisor);
}

/** Formats a "YYYY-MM-DD" date or an ISO instant as its UTC calendar day, e.g. "Oct 31, 2026". */
export function dateFormatter(locale: string): (date: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (date) => format.format(new Date(date.length === 10 ? `${date}T00:00:00Z` : date));
}

/** Formats an ISO instant with its UTC time, e.g. "Oct 31, 2026, 14:05 UTC". */
export function dateTimeFormatter(locale: string): (instant: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' });
  return (instant) => `${format.format(new Date(instant))} UTC`;
}

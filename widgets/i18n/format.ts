const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    numberFormats.set(key, format);
  }
  return format;
}

/** An amount in minor units (cents for USD, none for JPY) in the currency's own format for `locale`. */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const format = numberFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/**
 * A calendar date ("2026-11-27") or instant in `locale`. Calendar dates are formatted in UTC so the
 * day never shifts with the viewer's time zone.
 */
export function formatDate(value: string, locale: string): string {
  const isCalendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const key = `${locale}|${isCalendarDate}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(isCalendarDate && { timeZone: 'UTC' }) });
    dateFormats.set(key, format);
  }
  return format.format(new Date(isCalendarDate ? `${value}T00:00:00Z` : value));
}

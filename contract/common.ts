import * as z from 'zod';

const currencyCodes = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 currency code known to Intl, e.g. "USD". */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as "USD".')
  .refine((code) => currencyCodes.has(code), 'Unknown ISO 4217 currency code.');

/** BCP 47 language tag, e.g. "en-US". */
export const LocaleTag = z
  .string()
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'Use a BCP 47 language tag such as "en-US".');

/** A calendar date, "YYYY-MM-DD". */
export const CalendarDate = z.iso.date('Use a date in the form YYYY-MM-DD.');

/** An amount in the currency's minor units (cents for USD). */
export const MinorAmount = z.int('Use a whole number of minor units (e.g. cents).').min(-1e12).max(1e12);

export const Email = z.email('Use a valid email address.').max(254);

export const PersonName = z.string().trim().min(1, 'Enter a name.').max(200);

/** The cursor-paginated list envelope every list endpoint answers with. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass back as ?cursor= for the next page; null on the last page.'),
  });

const pageLimitMessage = 'Use a whole number from 1 to 100.';

/** Query parameters every cursor-paginated list takes. */
export const pageQuery = {
  cursor: z.string().min(1).max(200).optional().describe('The nextCursor of the previous page.'),
  limit: z.coerce
    .number<string | undefined>({ error: pageLimitMessage })
    .int(pageLimitMessage)
    .min(1, pageLimitMessage)
    .max(100, pageLimitMessage)
    .default(25)
    .describe('Rows per page, 1–100; 25 when absent.'),
};

/** A `from`–`to` range of calendar dates, both ends included; either may be left out. */
export const dateRangeQuery = {
  from: CalendarDate.optional().describe('First day included, YYYY-MM-DD.'),
  to: CalendarDate.optional().describe('Last day included, YYYY-MM-DD.'),
};

/** Checks a `dateRangeQuery`; pair it with `disorderedRange`, which refuses the range on `to`. */
export const isOrderedRange = (range: { from?: string | undefined; to?: string | undefined }) =>
  !range.from || !range.to || range.from <= range.to;
export const disorderedRange: { path: string[]; message: string } = {
  path: ['to'],
  message: 'The end of the range cannot be before its start.',
};

/** The file an export is made as. */
export const ExportFormat = z.enum(['pdf', 'xlsx']).describe('pdf, or xlsx for Excel.');
export type ExportFormat = z.infer<typeof ExportFormat>;

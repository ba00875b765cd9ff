import type { BillingInterval } from '../../contract/subscription.ts';
import { addMonths } from './calendar.ts';

const monthsPerInterval: Record<BillingInterval, number> = { month: 1, quarter: 3, year: 12 };

/** The first invoice date on or after `today`: the start date, or the start plus whole intervals. */
export function nextInvoiceDate(startsAt: string, interval: BillingInterval, today: string): string {
  if (startsAt >= today) return startsAt;
  const step = monthsPerInterval[interval];
  const [startYear, startMonth] = startsAt.split('-').map(Number) as [number, number];
  const [year, month] = today.split('-').map(Number) as [number, number];
  let periods = Math.max(0, Math.floor(((year - startYear) * 12 + (month - startMonth)) / step));
  let candidate = addMonths(startsAt, periods * step);
  while (candidate < today) candidate = addMonths(startsAt, ++periods * step);
  return candidate;
}

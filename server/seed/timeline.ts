import type { Clock } from '../clock.ts';

/** The first day of the month `date` falls in. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** "January 2026", "Januar 2026": a billing period in the account's language. */
export const monthName = (date: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** The seed's clock: it walks through the demo year so that records carry the dates they tell of. */
export class SeedClock implements Clock {
  private current: Date;

  constructor(private readonly realNow: Date) {
    this.current = realNow;
  }

  now(): Date {
    return new Date(this.current);
  }

  /**
   * Moves to midday UTC of `date`, which is that same date from UTC-11 to UTC+11, but never past
   * the real now; answers the instant as ISO text.
   */
  moveTo(date: string): string {
    const midday = new Date(`${date}T12:00:00Z`);
    this.current = midday < this.realNow ? midday : this.realNow;
    return this.current.toISOString();
  }
}

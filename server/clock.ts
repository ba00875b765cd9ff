/** The only source of "now" in the server, so tests can walk time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** "YYYY-MM-DD" of an instant, in UTC (billing dates are UTC calendar dates). */
export const calendarDate = (instant: Date): string => instant.toISOString().slice(0, 10);

/** A card is good through the last day of its expiry month (UTC), and expired from the 1st of the next. */
export function isCardExpired(expiry: { expMonth: number; expYear: number }, now: Date): boolean {
  return now.getTime() >= Date.UTC(expiry.expYear, expiry.expMonth, 1);
}

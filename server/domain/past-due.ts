/**
 * An invoice is past due while something is still owed on it after its due date, the same rule
 * the account's standing counts by. `today` is a UTC calendar date.
 */
export const isPastDue = (invoice: { amountDue: number; dueAt: string }, today: string): boolean =>
  invoice.amountDue > 0 && invoice.dueAt < today;

/** A position in a newest-first list: the sort value and id of the last row a page showed. */
export interface Keyset {
  at: string;
  id: string;
}

/** Which list a cursor belongs to, so one list's cursor is refused by another. */
export type CursorList = 'invoices' | 'transactions';

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The opaque `nextCursor`: base64url of the list's name and the last row's sort key. */
export const encodeCursor = (list: CursorList, key: Keyset): string =>
  Buffer.from(JSON.stringify([list, key.at, key.id])).toString('base64url');

/** The position a cursor names, or undefined when it is not one this list handed out. */
export function decodeCursor(list: CursorList, cursor: string, atPattern: RegExp): Keyset | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || decoded[0] !== list) return undefined;
  const [, at, id] = decoded as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !atPattern.test(at) || !idPattern.test(id)) return undefined;
  return { at, id };
}

export interface Page<T> {
  rows: T[];
  /** Where the next page starts; null on the last page. */
  next: Keyset | null;
}

/** Splits `limit + 1` fetched rows into a page and, when the extra row exists, the next page's start. */
export function toPage<Row>(fetched: Row[], limit: number, keyOf: (row: Row) => Keyset): Page<Row> {
  const rows = fetched.slice(0, limit);
  return { rows, next: fetched.length > limit ? keyOf(rows[rows.length - 1]!) : null };
}

/** Every row, a page of `batchSize` at a time, so a whole-list export never holds one giant result. */
export async function* allBatches<T>(fetchPage: (after: Keyset | undefined, limit: number) => Promise<Page<T>>, batchSize: number) {
  let after: Keyset | undefined;
  do {
    const page = await fetchPage(after, batchSize);
    if (page.rows.length > 0) yield page.rows;
    after = page.next ?? undefined;
  } while (after);
}

import { type CursorList, decodeCursor, type Keyset } from '../store/keyset.ts';
import { invalidQueryParam } from './validate.ts';

/** The position `?cursor=` names; a 422 on `cursor` for one this list never handed out. */
export function pageCursor(list: CursorList, cursor: string | undefined, atPattern: RegExp): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(list, cursor, atPattern);
  if (!position) throw invalidQueryParam('cursor', 'This is not a cursor of this list. Start again from the first page.');
  return position;
}

import type { Context } from 'hono';

/**
 * The text fields of a posted form; undefined when the body is not a form at all. A field sent as a
 * file or missing is left out, so callers treat it like an empty one.
 */
export async function formFields(c: Context): Promise<Record<string, string> | undefined> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

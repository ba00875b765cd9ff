import type { Context } from 'hono';
import * as z from 'zod';
import type { FieldError } from '../../contract/problem.ts';
import { ProblemError } from '../errors.ts';
import { isCardNumberShaped } from '../payments/card-number.ts';

const humanMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required.';
  if (issue.code === 'invalid_type') return `Expected ${issue.expected}, got ${describe(issue.input)}.`;
  return undefined;
};

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;

// An unknown key may itself be a card number (sent to the tokenizer by mistake): never echo it.
const joinPath = (path: PropertyKey[]): string =>
  path.map((segment) => (isCardNumberShaped(String(segment)) ? '(card number)' : String(segment))).join('.');

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: 'Unknown field.' }))
      : [{ path: joinPath(issue.path), message: issue.message }],
  );
}

const correctionHints = {
  body: 'Correct the fields listed in "errors".',
  path: 'Correct the path parameters listed in "errors".',
  query: 'Correct the query parameters listed in "errors".',
};

/** Parses with the contract's schema or throws a 422 problem listing every bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: keyof typeof correctionHints): z.output<T> {
  // Parsed first without the error map: passing one turns off zod's compiled fast path for objects
  // (measured: 0.14 against 1.2 µs for the invoice list's query). Only a failure parses again for the messages.
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const explained = schema.safeParse(input, { error: humanMessages });
  throw new ProblemError(422, 'validation', {
    detail: correctionHints[what],
    errors: toFieldErrors(explained.success ? result.error : explained.error),
  });
}

/** Reads the query string with the contract's schema; 422 naming each bad or unknown parameter. */
export const queryParams = <T extends z.ZodType>(c: Context, schema: T): z.output<T> => parseOrThrow(schema, c.req.query(), 'query');

/** A 422 about one query parameter, for checks the schema cannot make (such as decoding a cursor). */
export const invalidQueryParam = (path: string, message: string) =>
  new ProblemError(422, 'validation', { detail: correctionHints.query, errors: [{ path, message }] });

/** Reads a JSON body: 415 for another media type, 400 for malformed JSON, 422 for bad fields. */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ProblemError(415, 'unsupported-media-type', { detail: 'Send the body as JSON with "Content-Type: application/json".' });
  }
  const text = await c.req.text();
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    // The parser's message quotes the body, which may hold secrets: never echo it.
    throw new ProblemError(400, 'malformed-json', { detail: 'The body is not valid JSON.' });
  }
  return parseOrThrow(schema, input, 'body');
}

import * as z from 'zod';

/** Every problem the API answers with; the `type` URI ends in one of these. */
export const problemKinds = [
  'validation',
  'malformed-json',
  'unsupported-media-type',
  'payload-too-large',
  'not-found',
  'method-not-allowed',
  'unauthorized',
  'forbidden',
  'not-provisioned',
  'conflict',
  'precondition-failed',
  'precondition-required',
  'idempotency-key-reused',
  'rate-limited',
  'service-unavailable',
  'internal',
] as const;
export type ProblemKind = (typeof problemKinds)[number];

/** Problem type URIs are tag URIs (RFC 4151): stable names, not meant to be fetched. */
export const problemTypePrefix = 'tag:customer-portal,2026:problem:';
export const problemType = (kind: ProblemKind): string => problemTypePrefix + kind;

export const FieldError = z
  .object({
    path: z.string().describe('Dotted path of the field, e.g. "address.postalCode"; "" for the whole body.'),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with `errors` for validation problems. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

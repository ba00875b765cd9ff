import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type FieldError, type Problem, type ProblemKind, problemType } from '../contract/problem.ts';

const titles: Record<ProblemKind, string> = {
  validation: 'Some fields are not valid.',
  'malformed-json': 'The request body is not valid JSON.',
  'unsupported-media-type': 'Send the request body as application/json.',
  'payload-too-large': 'The request body is too large.',
  'not-found': 'Not found.',
  'method-not-allowed': 'Method not allowed.',
  unauthorized: 'Sign-in needed.',
  forbidden: 'Not allowed.',
  'not-provisioned': 'This account is not set up for the Customer Portal.',
  conflict: 'Conflict.',
  'precondition-failed': 'Someone else changed this in the meantime.',
  'precondition-required': 'This change needs If-Match.',
  'idempotency-key-reused': 'This Idempotency-Key was used for another request.',
  'rate-limited': 'Too many requests.',
  'service-unavailable': 'Temporarily unavailable.',
  internal: 'Something went wrong on our side.',
};

export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** Throw anywhere; the app's error handler answers it as RFC 9457 problem+json. */
export class ProblemError extends HTTPException {
  readonly kind: ProblemKind;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, kind: ProblemKind, options: ProblemOptions = {}) {
    super(status, { message: options.detail ?? titles[kind] });
    this.kind = kind;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toProblem(instance: string, requestId: string): Problem {
    return {
      type: problemType(this.kind),
      title: titles[this.kind],
      status: this.status,
      ...(this.detail && { detail: this.detail }),
      instance,
      requestId,
      ...(this.errors && { errors: this.errors }),
    };
  }
}

export const notFound = (detail = 'There is nothing here.') => new ProblemError(404, 'not-found', { detail });

/** An unexpected failure, answered without any detail of what went wrong. */
export const internalProblem = (instance: string, requestId: string): Problem => ({
  type: problemType('internal'),
  title: titles.internal,
  status: 500,
  detail: `Please try again. If it keeps happening, give support this reference: ${requestId}.`,
  instance,
  requestId,
});

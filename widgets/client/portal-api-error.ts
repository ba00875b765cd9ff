import type { FieldError, ProblemKind } from '../../contract/problem.ts';

/**
 * What went wrong, for an element to choose its message and whether to offer a retry:
 * a problem kind the server names, `network` when no answer arrived, `unknown` when the
 * answer was not a problem this client understands.
 */
export type PortalErrorKind = ProblemKind | 'network' | 'unknown';

export interface PortalApiErrorInit {
  status: number;
  kind: PortalErrorKind;
  title: string;
  detail?: string | undefined;
  fieldErrors?: readonly FieldError[] | undefined;
  requestId?: string | undefined;
}

/** A call to the portal server that did not succeed. */
export class PortalApiError extends Error {
  override name = 'PortalApiError';
  /** The HTTP status; 0 when no answer arrived. */
  readonly status: number;
  readonly kind: PortalErrorKind;
  readonly title: string;
  readonly detail: string | undefined;
  /** For `validation` problems: one entry per bad field, by dotted path such as `billingContact.email`. */
  readonly fieldErrors: readonly FieldError[];
  /** The reference support asks for. */
  readonly requestId: string | undefined;

  constructor(init: PortalApiErrorInit, options?: ErrorOptions) {
    super(init.detail ?? init.title, options);
    this.status = init.status;
    this.kind = init.kind;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
  }

  /** The message for one field, by its dotted path; undefined when that field is fine. */
  fieldMessage(path: string): string | undefined {
    return this.fieldErrors.find((fieldError) => fieldError.path === path)?.message;
  }
}

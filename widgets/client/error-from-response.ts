import type { Problem, ProblemKind, problemTypePrefix as contractProblemTypePrefix } from '../../contract/problem.ts';
import { PortalApiError } from './portal-api-error.ts';

// Copies of the contract's runtime values, which would pull zod into the browser bundle;
// their types make the compiler reject any drift from the contract.
const problemTypePrefix: typeof contractProblemTypePrefix = 'tag:customer-portal,2026:problem:';
const knownKinds: Record<ProblemKind, true> = {
  validation: true,
  'malformed-json': true,
  'unsupported-media-type': true,
  'payload-too-large': true,
  'not-found': true,
  'method-not-allowed': true,
  unauthorized: true,
  forbidden: true,
  'not-provisioned': true,
  conflict: true,
  'precondition-failed': true,
  'precondition-required': true,
  'idempotency-key-reused': true,
  'rate-limited': true,
  'service-unavailable': true,
  internal: true,
};

const isKnownKind = (kind: string): kind is ProblemKind => Object.hasOwn(knownKinds, kind);

/** Reads a non-2xx answer, an RFC 9457 problem when it comes from the portal server. */
export async function errorFromResponse(response: Response): Promise<PortalApiError> {
  const problem = await readProblem(response);
  const kind = problem?.type.startsWith(problemTypePrefix) ? problem.type.slice(problemTypePrefix.length) : '';
  if (!problem || !isKnownKind(kind)) {
    return new PortalApiError({ status: response.status, kind: 'unknown', title: `HTTP ${response.status}` });
  }
  return new PortalApiError({
    status: response.status,
    kind,
    title: problem.title,
    detail: problem.detail,
    fieldErrors: problem.errors,
    requestId: problem.requestId,
  });
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  if (!response.headers.get('Content-Type')?.startsWith('application/problem+json')) return undefined;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Problem).type === 'string' &&
  typeof (body as Problem).title === 'string';

import type { Context, Env, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { problemType } from '../../contract/problem.ts';
import { type AccountLockedProblem, type AccountStanding, accountLockedType } from '../../contract/standing.ts';
import type { StandingReader } from './standing-reader.ts';
import { StandingUnavailableError } from './standing-unavailable.ts';

/** The response header naming the account's standing on every request the guard lets through. */
export const standingHeader = 'Portal-Standing';

export interface RequireGoodStandingOptions<E extends Env = Env> {
  /** Where the standing comes from: `createStandingReader(...)`. */
  reader: StandingReader;
  /**
   * The signed-in user's account id as provisioned in the portal, e.g. from the host's session.
   * Nothing (no session) lets the request through: signing in is the host's own middleware's job.
   */
  accountId: (c: Context<E>) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * When the portal cannot answer: 'allow' (default) lets the request through with
   * `Portal-Standing: unknown`; 'deny' answers 503. See the README on choosing.
   */
  whenUnavailable?: 'allow' | 'deny';
  /** The status of the answer to a locked account: 402 Payment Required (default) or 403. */
  lockedStatus?: 402 | 403;
  /** Answers a locked account instead of the problem+json, e.g. redirects a page to the lock screen. */
  onLocked?: (c: Context<E>, standing: AccountStanding) => Response | Promise<Response>;
  /** Hears why the portal could not answer, e.g. to log it; console.error by default. */
  onUnavailable?: (error: StandingUnavailableError, c: Context<E>) => void;
}

const problemResponse = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });

function lockedAnswer(c: Context, standing: AccountStanding, status: 402 | 403): Response {
  const problem: AccountLockedProblem = {
    type: accountLockedType,
    title: 'This account is locked until its past-due balance is paid.',
    status,
    detail: `The account is locked since ${standing.lockAt}. A user with the Customer Portal View permission can pay the balance in the Customer Portal; the others can ask their Site Admin or support.`,
    instance: c.req.path,
    standing,
  };
  return problemResponse(problem, status, { [standingHeader]: 'locked' });
}

const unavailableAnswer = (c: Context) =>
  problemResponse(
    {
      type: problemType('service-unavailable'),
      title: 'Temporarily unavailable.',
      status: 503,
      detail: 'The account’s standing cannot be checked right now. Try again shortly.',
      instance: c.req.path,
    },
    503,
    { 'Retry-After': '30' },
  );

const logUnavailable = (error: StandingUnavailableError) => console.error(`customer-portal: ${error.message}`);

/**
 * A Hono middleware for the host's own routes: a locked account is answered 402 problem+json with
 * its standing (or by `onLocked`); good, due_soon and past_due accounts go through, the response
 * carrying `Portal-Standing: <status>`.
 */
export function requireGoodStanding<E extends Env = Env>(options: RequireGoodStandingOptions<E>): MiddlewareHandler<E> {
  return createMiddleware<E>(async (c, next) => {
    const accountId = await options.accountId(c);
    if (!accountId) return next();
    let standing: AccountStanding | null;
    try {
      standing = await options.reader.getStanding(accountId);
    } catch (error) {
      if (!(error instanceof StandingUnavailableError)) throw error;
      (options.onUnavailable ?? logUnavailable)(error, c);
      if (options.whenUnavailable === 'deny') return unavailableAnswer(c);
      await next();
      c.header(standingHeader, 'unknown');
      return;
    }
    if (standing?.status === 'locked') {
      return options.onLocked ? options.onLocked(c, standing) : lockedAnswer(c, standing, options.lockedStatus ?? 402);
    }
    await next();
    if (standing) c.header(standingHeader, standing.status);
  });
}

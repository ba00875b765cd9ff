import type { Problem } from '../../contract/problem.ts';
import type { RouteHandler } from './fixture-server.ts';

export function json(body: unknown, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** Answers every call with this body. */
export const answer =
  (body: unknown): RouteHandler =>
  () =>
    json(body);

/** Answers every call with this problem. */
export const refuse =
  (problem: Problem): RouteHandler =>
  () =>
    problemResponse(problem);

/** Never answers, so the element stays in its loading state; gives up like fetch when the element aborts. */
export const hang: RouteHandler = (request) =>
  new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));

/** Fails as fetch does when the server is down, offline or blocked by CORS. */
export const unreachable: RouteHandler = () => Promise.reject(new TypeError('Failed to fetch'));

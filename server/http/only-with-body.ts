import type { MiddlewareHandler } from 'hono';

/**
 * Runs a middleware that reads the body only for methods that carry one. GET and HEAD bodies are
 * never read by any route, and touching `c.req.raw.body` makes @hono/node-server build a whole
 * Request with its stream: about a tenth of the cost of a GET.
 */
export const onlyWithBody =
  (middleware: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : middleware(c, next);

import type { Context } from 'hono';

export interface CorsOptions {
  origins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds: number;
}

/**
 * CORS for the host pages in PORTAL_CORS_ORIGINS: sets a request's CORS headers and answers a
 * preflight itself (the Response), else undefined. Unlike hono/cors it sets every header before the
 * route runs: a header set on a finished response makes Hono copy the response and
 * @hono/node-server stream it instead of writing it at once (a fifth of a GET's cost). Called from
 * the portal's first middleware rather than being one: each middleware is another async step.
 */
export function portalCors(options: CorsOptions): (c: Context) => Response | undefined {
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders.join(',');
  const exposeHeaders = options.exposeHeaders.join(',');
  return (c) => {
    const origin = c.req.header('Origin');
    c.header('Vary', 'Origin', { append: true });
    if (origin !== undefined && options.origins.includes(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', exposeHeaders);
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', allowMethods);
      c.header('Access-Control-Allow-Headers', allowHeaders);
      c.header('Access-Control-Max-Age', String(options.maxAgeSeconds));
      return c.body(null, 204);
    }
    return undefined;
  };
}

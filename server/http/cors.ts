import type { Context } from 'hono';

export interface CorsOptions {
  origins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds: number;
}

/**
 * CORS for the host pages in PORTAL_CORS_ORIGINS: adds a request's CORS headers to `headers` (the
 * ones every answer carries, set before the route runs) and answers a preflight itself, with them;
 * else undefined. Called from the portal's first middleware rather than being one: each middleware
 * is another async step.
 */
export function portalCors(options: CorsOptions): (c: Context, headers: Record<string, string>) => Response | undefined {
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders.join(',');
  const exposeHeaders = options.exposeHeaders.join(',');
  return (c, headers) => {
    const origin = c.req.header('Origin');
    headers['Vary'] = 'Origin';
    if (origin !== undefined && options.origins.includes(origin)) {
      headers['Access-Control-Allow-Origin'] = origin;
      headers['Access-Control-Expose-Headers'] = exposeHeaders;
    }
    if (c.req.method !== 'OPTIONS') return undefined;
    return c.body(null, 204, {
      ...headers,
      'Access-Control-Allow-Methods': allowMethods,
      'Access-Control-Allow-Headers': allowHeaders,
      'Access-Control-Max-Age': String(options.maxAgeSeconds),
    });
  };
}

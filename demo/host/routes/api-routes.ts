import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireGoodStanding } from '../../../server/index.ts';
import type { HostDeps, HostEnv } from '../host-env.ts';
import { projectsOf } from '../projects.ts';

const requireSignIn = createMiddleware<HostEnv>(async (c, next) => {
  if (c.get('user')) return next();
  return c.newResponse(JSON.stringify({ type: 'about:blank', title: 'Sign in first.', status: 401 }), 401, {
    'Content-Type': 'application/problem+json',
  });
});

/** The product's JSON API for its pages; every route but the portal token refuses a locked account. */
export function apiRoutes({ tokens, standing }: HostDeps) {
  const routes = new Hono<HostEnv>();
  routes.use(requireSignIn);
  routes.use((c, next) => {
    c.header('Cache-Control', 'no-store');
    return next();
  });

  // Before the standing guard: the lock screen needs a token to show the balance and take the payment.
  routes.get('/portal-token', async (c) => c.json({ token: await tokens.mint(c.get('user')!) }));

  routes.use(requireGoodStanding<HostEnv>({ reader: standing, accountId: (c) => c.get('user')?.accountId }));
  routes.get('/projects', (c) => c.json({ data: projectsOf(c.get('user')!.accountId) }));
  return routes;
}

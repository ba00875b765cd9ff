import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { HostDeps, HostEnv } from './host-env.ts';
import { apiRoutes } from './routes/api-routes.ts';
import { pageRoutes } from './routes/page-routes.ts';
import { signInRoutes } from './routes/sign-in-routes.ts';
import { themeRoutes } from './routes/theme-routes.ts';
import { sessionCookie } from './sessions.ts';
import { isTheme, themeCookie } from './theme.ts';

/** The demo host product ("Acme Workspace"), which embeds the Customer Portal as any host product would. */
export function createHostApp(deps: HostDeps) {
  const { users, sessions, tokens, assets } = deps;
  const app = new Hono<HostEnv>();

  app.use(
    secureHeaders({
      // The portal elements need nothing a strict policy forbids; only the portal server is called besides this site.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", new URL(deps.portalUrl).origin],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use(
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => c.text('That form is too large.', 413),
    }),
  );
  app.use(async (c, next) => {
    const userId = sessions.userIdOf(getCookie(c, sessionCookie));
    c.set('user', userId === undefined ? undefined : users.findById(userId));
    const theme = getCookie(c, themeCookie);
    c.set('theme', isTheme(theme) ? theme : 'acme');
    return next();
  });

  app.get('/.well-known/jwks.json', (c) => c.json(tokens.jwks, 200, { 'Cache-Control': 'public, max-age=300' }));
  app.get('/assets/:file', (c) => {
    const asset = assets.get(c.req.param('file'));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache' });
  });

  app.route('/', signInRoutes(deps));
  app.route('/', themeRoutes());
  app.route('/api', apiRoutes(deps));
  app.route('/', pageRoutes(deps));

  app.notFound((c) => c.text('There is no page here.', 404));
  app.onError((error, c) => {
    console.error('demo host: unhandled error', c.req.method, c.req.path, error);
    return c.text('Something went wrong on our side.', 500);
  });
  return app;
}

import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { StandingUnavailableError } from '../../../server/index.ts';
import { formFields } from '../form-fields.ts';
import type { HostDeps, HostEnv } from '../host-env.ts';
import { localPath } from '../local-path.ts';
import { loginPage } from '../pages/login-page.ts';
import { sessionCookie, sessionLifetimeSeconds } from '../sessions.ts';

/** Sign in with username and password, and out again. */
export function signInRoutes({ origin, users, demoLogins, sessions, standing }: HostDeps) {
  const routes = new Hono<HostEnv>();

  routes.get('/login', (c) => {
    const next = localPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    return c.html(loginPage({ theme: c.get('theme'), next, demoLogins }));
  });

  routes.post('/login', async (c) => {
    const fields = await formFields(c);
    const next = localPath(fields?.next);
    const username = fields?.username?.trim() ?? '';
    const password = fields?.password ?? '';
    const page = (status: 400 | 401, error: string) =>
      c.html(loginPage({ theme: c.get('theme'), next, username, error, demoLogins }), status);
    if (!fields) return page(400, 'The sign-in form was not sent as a form. Fill it in and try again.');
    if (!username || !password) return page(400, 'Enter your username and your password.');
    if (username.length > 100 || password.length > 200) return page(400, 'That username or password is too long.');

    const user = await users.signIn(username, password);
    if (!user) return page(401, 'That username and password do not match. Check them and try again.');

    sessions.end(getCookie(c, sessionCookie));
    setCookie(c, sessionCookie, sessions.start(user.id), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: origin.startsWith('https:'),
      path: '/',
      maxAge: sessionLifetimeSeconds,
    });
    return c.redirect((await isLocked(user.accountId)) ? '/home' : next, 303);
  });

  routes.post('/logout', (c) => {
    sessions.end(getCookie(c, sessionCookie));
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/login', 303);
  });

  /** A locked account lands on the dashboard, whose lockout gate shows the lock screen; if the portal cannot say, the gate decides. */
  async function isLocked(accountId: string): Promise<boolean> {
    try {
      return (await standing.getStanding(accountId))?.status === 'locked';
    } catch (error) {
      if (!(error instanceof StandingUnavailableError)) throw error;
      console.error(`demo host: ${error.message}`);
      return false;
    }
  }

  return routes;
}

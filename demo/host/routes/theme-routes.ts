import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { formFields } from '../form-fields.ts';
import type { HostEnv } from '../host-env.ts';
import { localPath } from '../local-path.ts';
import { isTheme, themeCookie } from '../theme.ts';

const oneYearSeconds = 365 * 24 * 60 * 60;

/** The theme switch: remembers the choice in a cookie and goes back to the page it was made on. */
export function themeRoutes() {
  const routes = new Hono<HostEnv>();
  routes.post('/theme', async (c) => {
    const fields = await formFields(c);
    if (!isTheme(fields?.theme)) return c.text('Choose the theme "acme" or "partner".', 400);
    setCookie(c, themeCookie, fields.theme, { sameSite: 'Lax', path: '/', maxAge: oneYearSeconds });
    return c.redirect(localPath(fields.back), 303);
  });
  return routes;
}

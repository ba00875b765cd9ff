import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { HostDeps, HostEnv } from '../host-env.ts';
import { readOutbox } from '../outbox-reader.ts';
import { portalPermissionReader } from '../portal-permission.ts';
import { customerPortalPage, noPortalAccessPage } from '../pages/customer-portal-page.ts';
import type { Markup } from '../pages/document.ts';
import { outboxPage } from '../pages/outbox-page.ts';
import { dashboardPage, projectsPage } from '../pages/product-pages.ts';
import { shell } from '../pages/shell.ts';

/** Sends a visitor who is not signed in to the login page, which brings them back here afterwards. */
const requireSignIn = createMiddleware<HostEnv>(async (c, next) => {
  if (c.get('user')) return next();
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
});

const showPage = (c: Context<HostEnv>, title: string, main: Markup) =>
  c.html(shell({ title, path: c.req.path, user: c.get('user')!, theme: c.get('theme'), main }));

/** The signed-in product's pages. */
export function pageRoutes({ portalUrl, outboxFolder, tokens }: HostDeps) {
  const portalPermissionOf = portalPermissionReader({ portalUrl, tokens });
  const routes = new Hono<HostEnv>();
  routes.use(requireSignIn);
  routes.get('/', (c) => c.redirect('/home', 303));
  routes.get('/home', (c) => showPage(c, 'Dashboard', dashboardPage(portalUrl, c.get('user')!.name.split(' ')[0]!)));
  routes.get('/projects', (c) => showPage(c, 'Projects', projectsPage(portalUrl)));
  routes.get('/settings', (c) => c.redirect('/settings/customer-portal', 303));
  routes.get('/settings/customer-portal', async (c) => {
    const permission = await portalPermissionOf(c.get('user')!);
    return showPage(c, 'Customer Portal', permission?.hasPortalAccess === false ? noPortalAccessPage(permission) : customerPortalPage(portalUrl));
  });
  routes.get('/outbox', async (c) => showPage(c, 'Outbox', outboxPage(await readOutbox(outboxFolder), outboxFolder)));
  return routes;
}

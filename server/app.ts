import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { sql } from 'kysely';
import type { Problem } from '../contract/problem.ts';
import { authenticateAdmin, authenticateUser, requirePortalAccess } from './auth/middleware.ts';
import type { KeyResolver } from './auth/key-resolver.ts';
import { createVerifiedTokenCache } from './auth/verified-token-cache.ts';
import type { Clock } from './clock.ts';
import type { PortalConfig } from './config.ts';
import { dunningDepsOf } from './dunning/dunning-deps.ts';
import { internalProblem, ProblemError } from './errors.ts';
import type { PortalEnv } from './http/env.ts';
import { portalCors } from './http/cors.ts';
import { setHeadersAhead } from './http/headers-ahead.ts';
import { createExportQueue } from './http/export-queue.ts';
import { refuseCardNumbers } from './http/refuse-card-numbers.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import { buildOpenApiDocument } from './openapi/build-document.ts';
import type { PaymentGateway } from './payments/gateway.ts';
import { accessRoutes } from './routes/access.ts';
import { adminCustomerRoutes } from './routes/admin/customers.ts';
import { adminDunningRoutes } from './routes/admin/dunning.ts';
import { contactRoutes } from './routes/contact.ts';
import { customerRoutes } from './routes/customer.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { signedInRoutes } from './routes/me.ts';
import { paymentMethodRoutes } from './routes/payment-methods.ts';
import { paymentRoutes } from './routes/payments.ts';
import { sandboxGatewayRoutes } from './routes/sandbox-gateway.ts';
import { subscriptionRequestRoutes } from './routes/subscription-requests.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import { transactionRoutes } from './routes/transactions.ts';
import { standingDepsOf } from './services/account-standing.ts';
import type { PortalDb } from './store/database.ts';
import packageJson from '../package.json' with { type: 'json' };

export interface PortalDeps {
  db: PortalDb;
  clock: Clock;
  keys: KeyResolver;
  config: PortalConfig;
  logger: Logger;
  mailer: Mailer;
  paymentGateway: PaymentGateway;
}

const maxBodyBytes = 64 * 1024;
/** The methods whose requests may carry a body: only these pass the body checks. */
const methodsWithBody = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** A verified token is trusted without a signature check for at most this long (and never past its exp). */
const verifiedTokenTtlMs = 5 * 60 * 1000;
/** Exports run one at a time per process; this many may wait their turn before more are refused. */
const maxWaitingExports = 10;

const sendProblem = (c: Context, problem: Problem, headers: Record<string, string> = {}) =>
  c.newResponse(JSON.stringify(problem), problem.status as 400, {
    ...headers,
    'Content-Type': 'application/problem+json',
  });

/** Builds the portal server from its dependencies; nothing global, so tests build one per test. */
export function createPortalApp(deps: PortalDeps) {
  const { db, clock, config, logger, mailer, paymentGateway } = deps;
  const standingDeps = standingDepsOf({ db, clock, config });
  const openApiDocument = buildOpenApiDocument(packageJson.version);
  const historyDeps = {
    db,
    clock,
    mailer,
    logger,
    vendor: config.vendor,
    exportQueue: createExportQueue({ maxWaiting: maxWaitingExports }),
  };

  const app = new Hono<PortalEnv>();

  const cors = portalCors({
    origins: config.corsOrigins,
    allowMethods: ['GET', ...methodsWithBody],
    allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
    exposeHeaders: ['ETag', 'Retry-After', 'Content-Disposition', 'X-Request-Id'],
    maxAgeSeconds: 600,
  });
  // Headers go on before the route answers: set on a finished response, they make Hono copy it.
  app.use(async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    const headers: Record<string, string> = { 'X-Request-Id': requestId, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const preflight = cors(c, headers);
    if (preflight) return preflight;
    setHeadersAhead(c, headers);
    await next();
  });
  // Only where a body may come: a GET passes no body checks, not even a step that skips them.
  app.on(
    methodsWithBody,
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ProblemError(413, 'payload-too-large', { detail: `Send at most ${maxBodyBytes / 1024} KiB.` });
      },
    }),
  );
  app.on(methodsWithBody, ['/v1/*', '/admin/*'], refuseCardNumbers);

  app.onError((error, c) => {
    const instance = c.req.path;
    const requestId = c.get('requestId');
    if (error instanceof ProblemError) return sendProblem(c, error.toProblem(instance, requestId), error.headers);
    if (error instanceof HTTPException && error.status < 500) {
      const kind = error.status === 404 ? 'not-found' : error.status === 413 ? 'payload-too-large' : 'validation';
      return sendProblem(c, new ProblemError(error.status, kind).toProblem(instance, requestId));
    }
    logger.error('unhandled error', { requestId, method: c.req.method, path: instance, error: String(error), stack: (error as Error).stack });
    return sendProblem(c, internalProblem(instance, requestId));
  });
  app.notFound((c) =>
    sendProblem(c, new ProblemError(404, 'not-found', { detail: `No route ${c.req.method} ${c.req.path}.` }).toProblem(c.req.path, c.get('requestId'))),
  );

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(db);
    return c.json({ status: 'ok' as const });
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument));

  const portal = new Hono<PortalEnv>();
  const verifiedTokens = createVerifiedTokenCache({ maxEntries: config.jwt.cacheSize, ttlMs: verifiedTokenTtlMs });
  portal.use(authenticateUser({ db, clock, keys: deps.keys, tokenRules: config.jwt, verifiedTokens }));
  portal.route('/', signedInRoutes(standingDeps));
  portal.use(requirePortalAccess(db));
  portal.route('/customer', customerRoutes({ db, clock }));
  portal.route('/subscriptions', subscriptionRoutes({ db, clock }));
  portal.route(
    '/subscriptions/requests',
    subscriptionRequestRoutes({ db, clock, mailer, logger, recipient: config.salesEmail ?? config.supportEmail }),
  );
  portal.route(
    '/contact',
    contactRoutes({ email: config.supportEmail ?? null, phone: config.supportPhone ?? null, url: config.supportUrl ?? null }),
  );
  portal.route('/access', accessRoutes({ db, clock }));
  portal.route('/payment-methods', paymentMethodRoutes({ db, clock, gateway: paymentGateway }));
  portal.route('/payments', paymentRoutes({ db, clock, gateway: paymentGateway, mailer, logger }));
  portal.route('/invoices', invoiceRoutes(historyDeps));
  portal.route('/transactions', transactionRoutes(historyDeps));
  app.route('/v1', portal);

  const admin = new Hono<PortalEnv>();
  admin.use(authenticateAdmin(config.adminApiKey));
  admin.route('/customers', adminCustomerRoutes(standingDeps));
  admin.route('/dunning', adminDunningRoutes(dunningDepsOf({ db, clock, mailer, logger, config })));
  app.route('/admin/v1', admin);

  app.route('/sandbox-gateway/v1', sandboxGatewayRoutes({ db, clock, gateway: paymentGateway }));

  return app;
}

export type PortalApp = ReturnType<typeof createPortalApp>;

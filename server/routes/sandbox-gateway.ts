import type { IncomingMessage } from 'node:http';
import { type Context, Hono } from 'hono';
import { type SandboxToken, SandboxTokenCreate } from '../../contract/sandbox-gateway.ts';
import type { Clock } from '../clock.ts';
import { ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { enforceRateLimit } from '../http/rate-limit.ts';
import { jsonBody } from '../http/validate.ts';
import type { PaymentGateway } from '../payments/gateway.ts';
import type { PortalDb } from '../store/database.ts';

/** Card-testing protection: a script trying stolen numbers comes back fast from one address. */
const submissionsPerClient = { limit: 20, windowSeconds: 10 * 60 };

/** The peer's address under @hono/node-server; in-process calls (app.request) have none. */
const clientAddress = (c: Context): string =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? 'in-process';

/**
 * The sandbox gateway's tokenizer, served under its own prefix as a processor's would be on its own
 * domain: the browser sends card or account details here, without the portal's token, and hands only
 * the answered token to the portal API.
 */
export function sandboxGatewayRoutes(deps: { db: PortalDb; clock: Clock; gateway: PaymentGateway }) {
  return new Hono<PortalEnv>().post('/tokens', async (c) => {
    await enforceRateLimit(
      deps.db,
      deps.clock,
      { bucket: `sandbox-tokens:${clientAddress(c)}`, ...submissionsPerClient },
      'card or account submissions',
    );
    const body = await jsonBody(c, SandboxTokenCreate);
    const result = await deps.gateway.tokenize(body.card ? { card: body.card } : { bankAccount: body.bankAccount! });
    if (!result.ok) throw new ProblemError(422, 'validation', { detail: 'Correct the fields listed in "errors".', errors: result.errors });
    const { token, kind, brand, last4, expMonth, expYear } = result.description;
    const answer: SandboxToken = { token, kind, brand, last4, expMonth, expYear };
    return c.json(answer, 201);
  });
}

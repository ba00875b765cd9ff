import { Hono } from 'hono';
import { PaymentCreate } from '../../contract/payment.ts';
import { loadAccount } from '../auth/sign-in.ts';
import { ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { jsonBody } from '../http/validate.ts';
import { type PaymentDeps, payInvoices } from '../payments/pay-invoices.ts';

const keyPattern = /^[\x21-\x7e]{1,255}$/;

function idempotencyKeyOf(header: string | undefined): string {
  if (header && keyPattern.test(header)) return header;
  throw new ProblemError(400, 'validation', {
    detail: 'Send an Idempotency-Key header (1–255 visible characters, e.g. a UUID) with every payment, so a retry never charges twice.',
    errors: [{ path: 'Idempotency-Key', message: header ? 'Use 1–255 visible ASCII characters.' : 'This header is required.' }],
  });
}

export function paymentRoutes(deps: PaymentDeps) {
  return new Hono<PortalEnv>().post('/', async (c) => {
    const idempotencyKey = idempotencyKeyOf(c.req.header('Idempotency-Key'));
    const input = await jsonBody(c, PaymentCreate);
    const principal = c.get('principal');
    const answer = await payInvoices(deps, { customer: await loadAccount(deps.db, principal.customerId), user: principal.user }, idempotencyKey, input);
    return c.json(answer.body, answer.status as 201);
  });
}

import { Hono } from 'hono';
import { PaymentMethodCreate } from '../../contract/payment-method.ts';
import type { Clock } from '../clock.ts';
import { notFound, ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { enforceRateLimit } from '../http/rate-limit.ts';
import { jsonBody } from '../http/validate.ts';
import { newId } from '../ids.ts';
import type { PaymentGateway } from '../payments/gateway.ts';
import { methodLabel } from '../payments/method-label.ts';
import { recordAudit } from '../store/audit.ts';
import type { PortalDb } from '../store/database.ts';
import { inTransaction } from '../store/in-transaction.ts';
import {
  countPaymentMethods,
  deletePaymentMethod,
  findDefaultPaymentMethod,
  findPaymentMethod,
  findPaymentMethodByFingerprint,
  insertPaymentMethod,
  isTokenOnFile,
  listPaymentMethods,
  makeDefaultPaymentMethod,
  toPaymentMethod,
} from '../store/payment-methods.ts';
import type { PaymentMethodRow } from '../store/schema.ts';

/** Card-testing protection: adding methods is how stolen card numbers get tried out. */
const additionsPerUser = { limit: 5, windowSeconds: 10 * 60 };

const missingMethod = () => notFound('No payment method with this id on your account.');

// A token already on another account's file answers like one never issued, so it reveals nothing.
const unknownToken = () =>
  new ProblemError(422, 'validation', {
    detail: 'Correct the fields listed in "errors".',
    errors: [{ path: 'token', message: 'The payment processor does not know this token. Enter the card or account details again.' }],
  });

/** What the audit log keeps of a method: how people recognise it, never more of its number. */
const auditView = (row: PaymentMethodRow) => ({
  kind: row.kind,
  brand: row.brand,
  last4: row.last4,
  expMonth: row.exp_month,
  expYear: row.exp_year,
  isDefault: row.is_default === 1,
});

export function paymentMethodRoutes(deps: { db: PortalDb; clock: Clock; gateway: PaymentGateway }) {
  return new Hono<PortalEnv>()
    .get('/', async (c) => {
      const rows = await listPaymentMethods(deps.db, c.get('principal').customerId);
      const now = deps.clock.now();
      return c.json({ data: rows.map((row) => toPaymentMethod(row, now)), nextCursor: null });
    })
    .post('/', async (c) => {
      const { customerId, user } = c.get('principal');
      await enforceRateLimit(
        deps.db,
        deps.clock,
        { bucket: `payment-method-additions:${customerId}:${user.subject}`, ...additionsPerUser },
        'payment method additions',
      );
      const { token } = await jsonBody(c, PaymentMethodCreate);
      // Asked before the transaction: a processor call never holds the database.
      const description = await deps.gateway.describeToken(token);
      if (!description) throw unknownToken();
      const now = deps.clock.now().toISOString();
      const row = await inTransaction(deps.db, async (trx) => {
        const twin = await findPaymentMethodByFingerprint(trx, customerId, description.fingerprint);
        if (twin) {
          throw new ProblemError(409, 'conflict', {
            detail: `${methodLabel(twin)} is already on file. Choose it when you pay instead of adding it again.`,
          });
        }
        if (await isTokenOnFile(trx, token)) throw unknownToken();
        const row: PaymentMethodRow = {
          id: newId('pm'),
          customer_id: customerId,
          token,
          kind: description.kind,
          brand: description.brand,
          last4: description.last4,
          exp_month: description.expMonth,
          exp_year: description.expYear,
          holder_name: description.holderName,
          fingerprint: description.fingerprint,
          is_default: (await findDefaultPaymentMethod(trx, customerId)) ? 0 : 1,
          created_at: now,
        };
        await insertPaymentMethod(trx, row);
        await recordAudit(trx, {
          customerId,
          actor: user.subject,
          action: 'payment-method.added',
          target: row.id,
          after: auditView(row),
          at: now,
        });
        return row;
      });
      return c.json(toPaymentMethod(row, deps.clock.now()), 201);
    })
    .post('/:id/default', async (c) => {
      const { customerId, user } = c.get('principal');
      const id = c.req.param('id');
      const now = deps.clock.now().toISOString();
      const row = await inTransaction(deps.db, async (trx) => {
        const method = await findPaymentMethod(trx, customerId, id);
        if (!method) throw missingMethod();
        if (method.is_default === 1) return method;
        const previous = await findDefaultPaymentMethod(trx, customerId);
        await makeDefaultPaymentMethod(trx, customerId, id);
        await recordAudit(trx, {
          customerId,
          actor: user.subject,
          action: 'payment-method.default-changed',
          target: id,
          before: { defaultPaymentMethodId: previous?.id ?? null },
          after: { defaultPaymentMethodId: id },
          at: now,
        });
        return { ...method, is_default: 1 as const };
      });
      return c.json(toPaymentMethod(row, deps.clock.now()));
    })
    .delete('/:id', async (c) => {
      const { customerId, user } = c.get('principal');
      const id = c.req.param('id');
      await inTransaction(deps.db, async (trx) => {
        const method = await findPaymentMethod(trx, customerId, id);
        if (!method) throw missingMethod();
        if (method.is_default === 1 && (await countPaymentMethods(trx, customerId)) > 1) {
          throw new ProblemError(409, 'conflict', {
            detail: `${methodLabel(method)} is your default payment method: choose another default first, then remove it.`,
          });
        }
        await deletePaymentMethod(trx, customerId, id);
        await recordAudit(trx, {
          customerId,
          actor: user.subject,
          action: 'payment-method.removed',
          target: id,
          before: auditView(method),
          at: deps.clock.now().toISOString(),
        });
      });
      return c.body(null, 204);
    });
}

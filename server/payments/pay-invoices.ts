import { createHash } from 'node:crypto';
import type { Payment, PaymentCreate } from '../../contract/payment.ts';
import type { Clock } from '../clock.ts';
import { ProblemError } from '../errors.ts';
import { enforceRateLimit } from '../http/rate-limit.ts';
import type { Logger } from '../logger.ts';
import { receiptEmail } from '../mail/receipt-email.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { PortalDb } from '../store/database.ts';
import { inTransaction } from '../store/in-transaction.ts';
import {
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  findIdempotencyKey,
  hasRunningPayment,
  type IdempotencyScope,
  insertIdempotencyKey,
  takeOverIdempotencyKey,
} from '../store/idempotency-keys.ts';
import { findBillingContactEmail } from '../store/customers.ts';
import { findPaymentMethod } from '../store/payment-methods.ts';
import { findPayment, listInvoicesDue } from '../store/payments.ts';
import type { CustomerRow, UserRow } from '../store/schema.ts';
import { recordTransaction, settlePendingPayment } from '../store/transactions.ts';
import { declineReasons } from './decline-reasons.ts';
import type { PaymentGateway } from './gateway.ts';
import { methodLabel } from './method-label.ts';

export interface PaymentDeps {
  db: PortalDb;
  clock: Clock;
  gateway: PaymentGateway;
  mailer: Mailer;
  logger: Logger;
}

/** How long a request may run before a retry with its key may take it over (its runner crashed). */
const leaseSeconds = 30;
const keepKeysHours = 24;
const attemptsPerUser = { limit: 10, windowSeconds: 10 * 60 };

export interface PaymentAnswer {
  status: number;
  body: Payment;
}

/** A charge to make, recorded as a pending transaction before the gateway is called. */
interface PendingCharge {
  transactionId: string;
  token: string;
  amount: number;
  currency: string;
}

const requestHash = (input: PaymentCreate) =>
  createHash('sha256')
    .update(JSON.stringify({ paymentMethodId: input.paymentMethodId, invoiceIds: input.invoiceIds ? [...input.invoiceIds].sort() : null }))
    .digest('hex');

const invalid = (path: string, message: string) =>
  new ProblemError(422, 'validation', { detail: 'Correct the fields listed in "errors".', errors: [{ path, message }] });

/**
 * Pays chosen open invoices (or the whole balance) with a payment method on file. The attempt is
 * recorded before the gateway is called and settled after, each in its own database transaction;
 * the gateway call is keyed by the attempt, so a retry after a crash reconciles instead of charging
 * again. The same Idempotency-Key with the same body answers the first outcome again.
 */
export async function payInvoices(
  deps: PaymentDeps,
  principal: { customer: CustomerRow; user: UserRow },
  idempotencyKey: string,
  input: PaymentCreate,
): Promise<PaymentAnswer> {
  const scope: IdempotencyScope = { customerId: principal.customer.id, userId: principal.user.id, key: idempotencyKey };
  const started = await inTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    const existing = await findIdempotencyKey(trx, scope);
    if (existing) {
      if (existing.request_hash !== requestHash(input)) {
        throw new ProblemError(422, 'idempotency-key-reused', {
          detail: 'This Idempotency-Key was already used for a different payment. Use a new key for a new payment.',
        });
      }
      if (existing.state === 'done') return { replay: { status: existing.response_status!, body: JSON.parse(existing.response_body!) as Payment } };
      if (existing.locked_until! > now.toISOString()) throw stillRunning();
      const lockedUntil = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
      if (!(await takeOverIdempotencyKey(trx, scope, existing.locked_until!, lockedUntil))) throw stillRunning();
      return { resume: existing.transaction_id! };
    }
    await deleteExpiredIdempotencyKeys(trx, now.toISOString());
    await enforceRateLimit(trx, deps.clock, { bucket: `payment:${scope.customerId}:${scope.userId}`, ...attemptsPerUser }, 'payment attempts');
    if (await hasRunningPayment(trx, scope.customerId, now.toISOString())) {
      throw new ProblemError(409, 'conflict', {
        detail: 'Another payment for this account is being processed right now. Wait a moment and check the balance before paying again.',
      });
    }
    const pending = await recordPendingPayment(trx, principal.customer, input, now);
    await insertIdempotencyKey(trx, scope, {
      request_hash: requestHash(input),
      transaction_id: pending.transactionId,
      locked_until: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + keepKeysHours * 3600 * 1000).toISOString(),
    });
    return { charge: pending };
  });
  if ('replay' in started) return started.replay!;

  const charge = 'charge' in started ? started.charge! : await pendingChargeOf(deps.db, principal.customer.id, started.resume!);
  if (!charge) return answerSettled(deps.db, principal.customer.id, scope, started.resume!);
  const answer = await chargeAndSettle(deps, principal.customer, scope, charge);
  if (answer.body.status === 'succeeded') await sendReceipt(deps, principal, answer.body);
  return answer;
}

const stillRunning = () =>
  new ProblemError(409, 'conflict', {
    detail: 'This payment is still being processed. Wait a moment, then retry with the same Idempotency-Key to see its outcome.',
  });

async function recordPendingPayment(db: PortalDb, customer: CustomerRow, input: PaymentCreate, now: Date): Promise<PendingCharge> {
  const method = await findPaymentMethod(db, customer.id, input.paymentMethodId);
  if (!method) throw invalid('paymentMethodId', 'No payment method with this id on your account.');
  const invoices = await listInvoicesDue(db, customer.id, input.invoiceIds);
  if (input.invoiceIds) {
    const missing = input.invoiceIds.findIndex((id) => !invoices.some((invoice) => invoice.id === id));
    if (missing >= 0) throw invalid(`invoiceIds.${missing}`, 'No open invoice with this id on your account; it may be paid already.');
  }
  if (invoices.length === 0) throw invalid('invoiceIds', 'Nothing is due on your account.');
  const amount = invoices.reduce((sum, invoice) => sum + invoice.amountDue, 0);
  const transactionId = await recordTransaction(db, {
    customerId: customer.id,
    kind: 'payment',
    status: 'pending',
    amount,
    currency: customer.currency,
    paymentMethodId: method.id,
    methodLabel: methodLabel(method),
    reference: 'pending',
    occurredAt: now.toISOString(),
    allocations: invoices.map((invoice) => ({ invoiceId: invoice.id, amount: invoice.amountDue })),
  });
  return { transactionId, token: method.token, amount, currency: customer.currency };
}

/** The charge behind a taken-over attempt, or undefined when its runner settled it before stopping. */
async function pendingChargeOf(db: PortalDb, customerId: string, transactionId: string): Promise<PendingCharge | undefined> {
  const transaction = await db
    .selectFrom('transactions')
    .leftJoin('payment_methods', 'payment_methods.id', 'transactions.payment_method_id')
    .select(['transactions.status', 'transactions.amount', 'transactions.currency', 'payment_methods.token'])
    .where('transactions.customer_id', '=', customerId)
    .where('transactions.id', '=', transactionId)
    .executeTakeFirstOrThrow();
  if (transaction.status !== 'pending') return undefined;
  if (!transaction.token) throw new Error(`Pending payment ${transactionId} lost its payment method.`);
  return { transactionId, token: transaction.token, amount: transaction.amount, currency: transaction.currency };
}

async function chargeAndSettle(deps: PaymentDeps, customer: CustomerRow, scope: IdempotencyScope, charge: PendingCharge): Promise<PaymentAnswer> {
  let result;
  try {
    result = await deps.gateway.charge({
      token: charge.token,
      amount: charge.amount,
      currency: charge.currency,
      idempotencyKey: charge.transactionId,
      description: `${customer.company_name} (${customer.customer_key})`,
    });
  } catch (error) {
    deps.logger.error('payment gateway call failed', { transactionId: charge.transactionId, error: String(error) });
    throw new ProblemError(503, 'service-unavailable', {
      detail: `We could not confirm the payment with the processor. Retry with the same Idempotency-Key in ${leaseSeconds} seconds: you will not be charged twice.`,
      headers: { 'Retry-After': String(leaseSeconds) },
    });
  }
  const settledAt = deps.clock.now().toISOString();
  return inTransaction(deps.db, async (trx) => {
    await settlePendingPayment(
      trx,
      charge.transactionId,
      result.status === 'succeeded'
        ? { status: 'succeeded', reference: result.reference }
        : { status: 'failed', reference: result.reference, declineCode: result.declineCode, failureReason: declineReasons[result.declineCode] },
      settledAt,
    );
    return answerSettled(trx, customer.id, scope, charge.transactionId);
  });
}

async function answerSettled(db: PortalDb, customerId: string, scope: IdempotencyScope, transactionId: string): Promise<PaymentAnswer> {
  const answer = { status: 201, body: (await findPayment(db, customerId, transactionId))! };
  await completeIdempotencyKey(db, scope, answer.status, answer.body);
  return answer;
}

async function sendReceipt(deps: PaymentDeps, principal: { customer: CustomerRow; user: UserRow }, payment: Payment): Promise<void> {
  try {
    const billingContact = await findBillingContactEmail(deps.db, principal.customer.id);
    const to = [...new Set([billingContact, principal.user.email].filter((email): email is string => !!email))];
    if (to.length > 0) await deps.mailer.send(receiptEmail(to, principal.customer, payment));
  } catch (error) {
    // The payment stands; the receipt can be sent again from the transaction history.
    deps.logger.error('receipt not sent', { transactionId: payment.id, error: String(error) });
  }
}

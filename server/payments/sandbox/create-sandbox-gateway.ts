import { createHmac } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { isCardExpired } from '../../domain/card-expiry.ts';
import { newId } from '../../ids.ts';
import type { PortalDb } from '../../store/database.ts';
import { inTransaction } from '../../store/in-transaction.ts';
import {
  claimSandboxCharge,
  findSandboxCharge,
  findSandboxRefund,
  findSandboxToken,
  insertSandboxRefund,
  insertSandboxToken,
  refundedAmount,
  sandboxFingerprintSecret,
} from '../../store/sandbox-gateway.ts';
import type { SandboxChargeRow, SandboxRefundRow, SandboxTokenRow } from '../../store/schema.ts';
import { type ChargeResult, IdempotencyKeyReuseError, type PaymentGateway, type RefundResult, type TokenDescription } from '../gateway.ts';
import { checkDetails } from './check-details.ts';

const toDescription = (row: SandboxTokenRow): TokenDescription => ({
  token: row.token,
  kind: row.kind,
  brand: row.brand,
  last4: row.last4,
  expMonth: row.exp_month,
  expYear: row.exp_year,
  holderName: row.holder_name,
  fingerprint: row.fingerprint,
});

const toChargeResult = (row: SandboxChargeRow): ChargeResult =>
  row.decline_code === null
    ? { status: 'succeeded', reference: row.reference }
    : { status: 'failed', reference: row.reference, declineCode: row.decline_code };

const toRefundResult = (row: SandboxRefundRow): RefundResult =>
  row.failure_reason === null
    ? { status: 'succeeded', reference: row.reference }
    : { status: 'failed', reference: row.reference, reason: row.failure_reason };

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`An amount must be a positive whole number of minor units, not ${amount}.`);
}

/**
 * The sandbox gateway: a card processor's test mode on the portal's database, in tables of its own
 * (sandbox_*) as a processor keeps its records on its side. Its test numbers and what each does are
 * in test-numbers.ts. It keeps no card or account number and no CVC: a token holds what its number
 * decided, brand, last 4, expiry, holder name and a keyed fingerprint of the number.
 */
export function createSandboxGateway(db: PortalDb, clock: Clock): PaymentGateway {
  return {
    async tokenize(details) {
      const now = clock.now();
      const result = checkDetails(details, now);
      if (!result.ok) return result;
      const { checked } = result;
      const row: SandboxTokenRow = {
        token: newId('tok'),
        kind: checked.kind,
        brand: checked.brand,
        last4: checked.last4,
        exp_month: checked.expMonth,
        exp_year: checked.expYear,
        holder_name: checked.holderName,
        fingerprint: createHmac('sha256', await sandboxFingerprintSecret(db)).update(checked.identity).digest('hex'),
        charge_outcome: checked.outcome,
        created_at: now.toISOString(),
      };
      await insertSandboxToken(db, row);
      return { ok: true, description: toDescription(row) };
    },

    async describeToken(token) {
      const row = await findSandboxToken(db, token);
      return row && toDescription(row);
    },

    async charge(request) {
      checkAmount(request.amount);
      const token = await findSandboxToken(db, request.token);
      if (!token) throw new Error(`The sandbox gateway never issued token ${request.token}.`);
      const now = clock.now();
      const hasExpired = token.exp_month !== null && token.exp_year !== null && isCardExpired({ expMonth: token.exp_month, expYear: token.exp_year }, now);
      const declineCode = hasExpired ? 'expired_card' : token.charge_outcome === 'succeeds' ? null : token.charge_outcome;
      const charge = await claimSandboxCharge(db, {
        reference: newId('ch'),
        idempotency_key: request.idempotencyKey,
        token: request.token,
        amount: request.amount,
        currency: request.currency,
        description: request.description,
        status: declineCode === null ? 'succeeded' : 'failed',
        decline_code: declineCode,
        created_at: now.toISOString(),
      });
      if (charge.token !== request.token || charge.amount !== request.amount || charge.currency !== request.currency) {
        throw new IdempotencyKeyReuseError(`Idempotency key ${request.idempotencyKey} was used for another charge.`);
      }
      return toChargeResult(charge);
    },

    async refund(request) {
      checkAmount(request.amount);
      return inTransaction(db, async (trx) => {
        const earlier = await findSandboxRefund(trx, request.idempotencyKey);
        if (earlier) {
          if (earlier.charge_reference !== request.chargeReference || earlier.amount !== request.amount) {
            throw new IdempotencyKeyReuseError(`Idempotency key ${request.idempotencyKey} was used for another refund.`);
          }
          return toRefundResult(earlier);
        }
        const charge = await findSandboxCharge(trx, request.chargeReference);
        const left = charge ? charge.amount - (await refundedAmount(trx, charge.reference)) : 0;
        const failureReason = !charge
          ? 'There is no charge with this reference.'
          : charge.status !== 'succeeded'
            ? 'The charge did not go through, so there is nothing to refund.'
            : request.amount > left
              ? `Only ${left} of the charge is left to refund.`
              : null;
        const refund: SandboxRefundRow = {
          reference: newId('re'),
          idempotency_key: request.idempotencyKey,
          charge_reference: request.chargeReference,
          amount: request.amount,
          status: failureReason === null ? 'succeeded' : 'failed',
          failure_reason: failureReason,
          created_at: clock.now().toISOString(),
        };
        await insertSandboxRefund(trx, refund);
        return toRefundResult(refund);
      });
    },
  };
}

import type { DeclineCode } from '../../contract/payment.ts';

/**
 * A card processor, as the portal sees it. The built-in sandbox (server/payments/sandbox/) behaves
 * like a processor's test mode; a real processor's adapter implements the same interface. Card and
 * account numbers reach only `tokenize` — which for a real processor runs on its own domain — so the
 * portal API and database only ever see tokens.
 */
export interface PaymentGateway {
  /** Turns card or bank details into a token; refuses bad details with field errors. */
  tokenize(details: PaymentDetails): Promise<TokenizeResult>;
  /** What a token stands for, or undefined for a token this gateway never issued. */
  describeToken(token: string): Promise<TokenDescription | undefined>;
  /**
   * Charges a token. Idempotent by `idempotencyKey`: the same key answers the first charge's result
   * again without charging twice, which is how a payment interrupted by a crash is reconciled. The
   * same key with another token, amount or currency throws IdempotencyKeyReuseError.
   */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Returns money of a succeeded charge; idempotent by `idempotencyKey` like `charge`, and refused the same way. */
  refund(request: RefundRequest): Promise<RefundResult>;
}

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

export interface BankAccountDetails {
  routingNumber: string;
  accountNumber: string;
  holderName: string;
}

export type PaymentDetails = { card: CardDetails } | { bankAccount: BankAccountDetails };

export type TokenizeResult =
  | { ok: true; description: TokenDescription }
  | { ok: false; errors: { path: string; message: string }[] };

export interface TokenDescription {
  token: string;
  kind: 'card' | 'bank_account';
  /** Card brand ("visa", "mastercard", …) or the bank's name; null when unknown. */
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  holderName: string | null;
  /** The same card or account always gives the same fingerprint, so it is not added twice. */
  fingerprint: string;
}

export interface ChargeRequest {
  token: string;
  /** Minor units. */
  amount: number;
  currency: string;
  idempotencyKey: string;
  description: string;
}

/** The reasons a charge is declined, as the portal API reports them. */
export type { DeclineCode };

export type ChargeResult =
  | { status: 'succeeded'; reference: string }
  | { status: 'failed'; reference: string; declineCode: DeclineCode };

export interface RefundRequest {
  chargeReference: string;
  amount: number;
  idempotencyKey: string;
}

export type RefundResult = { status: 'succeeded'; reference: string } | { status: 'failed'; reference: string; reason: string };

/**
 * An idempotency key came back with a different request. Never answered with the first result nor
 * charged again: it is the caller's bug, so a real processor's "idempotency error" maps to it too.
 */
export class IdempotencyKeyReuseError extends Error {
  override name = 'IdempotencyKeyReuseError';
}

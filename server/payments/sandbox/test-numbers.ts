import type { DeclineCode } from '../gateway.ts';

/** What every charge on a test card or account does: succeed, or fail with this code. */
export type ScriptedOutcome = 'succeeds' | DeclineCode;

/**
 * The sandbox gateway's test numbers. Like a processor's test mode it takes only these: any other
 * number, even a valid one, is refused at tokenize, so a real card typed into a test system is never
 * fingerprinted or kept.
 *
 * Cards — any expiry month not yet past, a 3-digit CVC (4 digits for American Express), any name:
 *
 * | number              | brand      | tokenize | every charge                               |
 * |---------------------|------------|----------|--------------------------------------------|
 * | 4242 4242 4242 4242 | visa       | token    | succeeds                                   |
 * | 5555 5555 5555 4444 | mastercard | token    | succeeds                                   |
 * | 3782 822463 10005   | amex       | token    | succeeds                                   |
 * | 4000 0000 0000 0002 | visa       | token    | declined: `card_declined`                  |
 * | 4000 0000 0000 9995 | visa       | token    | declined: `insufficient_funds`             |
 * | 4000 0000 0000 0069 | visa       | token    | declined: `expired_card`                   |
 * | 4000 0000 0000 0127 | visa       | token    | declined: `incorrect_cvc`                  |
 * | 4000 0000 0000 0341 | visa       | token    | fails: `processing_error`                  |
 *
 * Bank accounts (US) — any routing number that passes the ABA checksum, e.g. 110000000:
 *
 * | account number | tokenize | every charge                    |
 * |----------------|----------|---------------------------------|
 * | 000123456789   | token    | succeeds                        |
 * | 000111111116   | token    | fails: `account_closed`         |
 *
 * Tokenize refuses only what the payer typed wrong, as field errors: a number that fails Luhn or is
 * not a test number (`card.number`), an expiry month not 1–12 or already past by the clock
 * (`card.expMonth`, `card.expYear`), a CVC of the wrong length (`card.cvc`), no name (`card.name`),
 * a routing number failing the ABA checksum (`bankAccount.routingNumber`), an account number that
 * is not a test one (`bankAccount.accountNumber`), no holder name (`bankAccount.holderName`).
 *
 * Every decline happens on charge, as an issuer's does: a tokenizer never asks the issuer, and each
 * decline must be reachable through a payment with a method on file. 4000 0000 0000 0341 is the card
 * that fails only on charge: it looks good at every step before, and no charge ever goes through.
 * Besides its script, any card charged after its expiry month has passed is declined `expired_card`.
 */
export const testCards: ReadonlyMap<string, ScriptedOutcome> = new Map<string, ScriptedOutcome>([
  ['4242424242424242', 'succeeds'],
  ['5555555555554444', 'succeeds'],
  ['378282246310005', 'succeeds'],
  ['4000000000000002', 'card_declined'],
  ['4000000000009995', 'insufficient_funds'],
  ['4000000000000069', 'expired_card'],
  ['4000000000000127', 'incorrect_cvc'],
  ['4000000000000341', 'processing_error'],
]);

export const testBankAccounts: ReadonlyMap<string, ScriptedOutcome> = new Map<string, ScriptedOutcome>([
  ['000123456789', 'succeeds'],
  ['000111111116', 'account_closed'],
]);

import { isCardExpired } from '../../domain/card-expiry.ts';
import { passesLuhn } from '../card-number.ts';
import type { BankAccountDetails, CardDetails, PaymentDetails } from '../gateway.ts';
import { cardBrand } from './card-brand.ts';
import { isValidRoutingNumber } from './routing-number.ts';
import { type ScriptedOutcome, testBankAccounts, testCards } from './test-numbers.ts';

type FieldErrors = { path: string; message: string }[];

/** What the sandbox keeps for a token, and what its fingerprint is made of. */
export interface CheckedDetails {
  kind: 'card' | 'bank_account';
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  holderName: string;
  outcome: ScriptedOutcome;
  /** The full number: only ever hashed into the fingerprint, never kept. */
  identity: string;
}

/** Checks details the way a processor's tokenizer does; see test-numbers.ts for what passes. */
export function checkDetails(details: PaymentDetails, now: Date): { ok: true; checked: CheckedDetails } | { ok: false; errors: FieldErrors } {
  return 'card' in details ? checkCard(details.card, now) : checkBankAccount(details.bankAccount);
}

function checkCard(card: CardDetails, now: Date) {
  const errors: FieldErrors = [];
  const digits = card.number.replace(/[ -]/g, '');
  const brand = cardBrand(digits);
  const outcome = testCards.get(digits);
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    errors.push({ path: 'card.number', message: 'This card number is not valid. Check it for typos.' });
  } else if (!outcome) {
    errors.push({ path: 'card.number', message: 'The sandbox gateway takes only its test card numbers, such as 4242 4242 4242 4242.' });
  }

  const thisYear = now.getUTCFullYear();
  const isMonth = Number.isInteger(card.expMonth) && card.expMonth >= 1 && card.expMonth <= 12;
  const isYear = Number.isInteger(card.expYear) && card.expYear >= 2000 && card.expYear <= thisYear + 20;
  if (!isMonth) errors.push({ path: 'card.expMonth', message: 'Enter the expiry month as a number from 1 to 12.' });
  if (!isYear) {
    errors.push({ path: 'card.expYear', message: `Enter the expiry year as four digits, such as ${thisYear + 3}.` });
  } else if (card.expYear < thisYear) {
    errors.push({ path: 'card.expYear', message: 'This card has expired.' });
  } else if (isMonth && isCardExpired(card, now)) {
    errors.push({ path: 'card.expMonth', message: 'This card has expired.' });
  }

  const cvcDigits = brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcDigits}}$`).test(card.cvc)) {
    errors.push({
      path: 'card.cvc',
      message: brand === 'amex' ? 'Enter the 4-digit security code from the front of the card.' : 'Enter the 3-digit security code from the back of the card.',
    });
  }
  const holderName = card.name.trim();
  if (!holderName) errors.push({ path: 'card.name', message: 'Enter the name on the card.' });

  if (errors.length > 0 || !outcome) return { ok: false as const, errors };
  return {
    ok: true as const,
    checked: {
      kind: 'card' as const,
      brand,
      last4: digits.slice(-4),
      expMonth: card.expMonth,
      expYear: card.expYear,
      holderName,
      outcome,
      identity: `card:${digits}`,
    },
  };
}

function checkBankAccount(account: BankAccountDetails) {
  const errors: FieldErrors = [];
  if (!isValidRoutingNumber(account.routingNumber)) {
    errors.push({ path: 'bankAccount.routingNumber', message: 'This routing number is not valid: it has 9 digits. Check it for typos.' });
  }
  const outcome = testBankAccounts.get(account.accountNumber);
  if (!/^\d{4,17}$/.test(account.accountNumber)) {
    errors.push({ path: 'bankAccount.accountNumber', message: 'Enter the account number: 4 to 17 digits.' });
  } else if (!outcome) {
    errors.push({ path: 'bankAccount.accountNumber', message: 'The sandbox gateway takes only its test account numbers, such as 000123456789.' });
  }
  const holderName = account.holderName.trim();
  if (!holderName) errors.push({ path: 'bankAccount.holderName', message: 'Enter the account holder’s name.' });

  if (errors.length > 0 || !outcome) return { ok: false as const, errors };
  return {
    ok: true as const,
    checked: {
      kind: 'bank_account' as const,
      brand: null,
      last4: account.accountNumber.slice(-4),
      expMonth: null,
      expYear: null,
      holderName,
      outcome,
      identity: `bank_account:${account.routingNumber}:${account.accountNumber}`,
    },
  };
}

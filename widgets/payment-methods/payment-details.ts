import type { SandboxTokenCreate } from '../../contract/sandbox-gateway.ts';
import type { MessageKey } from '../i18n/messages-en.ts';

export type CardDetails = NonNullable<SandboxTokenCreate['card']>;
export type BankAccountDetails = NonNullable<SandboxTokenCreate['bankAccount']>;

/** What the payer typed: a card, or a bank account. It goes to the tokenizer only, never to the portal API. */
export type PaymentDetails = { card: CardDetails } | { bankAccount: BankAccountDetails };

/** Turns payment details into a token with the payment processor; see <portal-payment-methods>'s `tokenizer`. */
export type Tokenizer = (details: PaymentDetails) => Promise<{ token: string }>;

/** Which add form: a card's or a bank account's. */
export type DetailsKind = 'card' | 'bankAccount';

/** One input of the add forms; its path is the tokenizer's field path, so its error lands beside it. */
export interface DetailField {
  path: string;
  label: MessageKey;
  autocomplete: string;
  isNumeric?: boolean;
  maxLength?: number;
  isWide?: boolean;
}

export const detailFields: Record<DetailsKind, DetailField[]> = {
  card: [
    { path: 'card.name', label: 'paymentMethods.cardName', autocomplete: 'cc-name', isWide: true },
    { path: 'card.number', label: 'paymentMethods.cardNumber', autocomplete: 'cc-number', isNumeric: true, maxLength: 23, isWide: true },
    { path: 'card.expMonth', label: 'paymentMethods.expMonth', autocomplete: 'cc-exp-month', isNumeric: true, maxLength: 2 },
    { path: 'card.expYear', label: 'paymentMethods.expYear', autocomplete: 'cc-exp-year', isNumeric: true, maxLength: 4 },
    { path: 'card.cvc', label: 'paymentMethods.cvc', autocomplete: 'cc-csc', isNumeric: true, maxLength: 4 },
  ],
  bankAccount: [
    { path: 'bankAccount.holderName', label: 'paymentMethods.holderName', autocomplete: 'name', isWide: true },
    { path: 'bankAccount.routingNumber', label: 'paymentMethods.routingNumber', autocomplete: 'off', isNumeric: true, maxLength: 11 },
    { path: 'bankAccount.accountNumber', label: 'paymentMethods.accountNumber', autocomplete: 'off', isNumeric: true, maxLength: 20 },
  ],
};

/**
 * The tokenizer's body from an add form, numbers as typed: the tokenizer checks them and names
 * each field that is wrong. A blank month or year is sent as 0, which it refuses by field.
 */
export function detailsFrom(kind: DetailsKind, form: FormData): PaymentDetails {
  const text = (path: string) => String(form.get(path) ?? '').trim();
  const digits = (path: string) => text(path).replace(/\s/g, '');
  if (kind === 'bankAccount') {
    return {
      bankAccount: {
        holderName: text('bankAccount.holderName'),
        routingNumber: digits('bankAccount.routingNumber'),
        accountNumber: digits('bankAccount.accountNumber'),
      },
    };
  }
  const year = Number.parseInt(text('card.expYear'), 10) || 0;
  return {
    card: {
      name: text('card.name'),
      number: text('card.number'),
      expMonth: Number.parseInt(text('card.expMonth'), 10) || 0,
      // Cards print two digits ("12/30"), which payers often type.
      expYear: year > 0 && year < 100 ? 2000 + year : year,
      cvc: text('card.cvc'),
    },
  };
}

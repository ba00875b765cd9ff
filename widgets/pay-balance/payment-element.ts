import type { PaymentMethod } from '../../contract/payment-method.ts';
import { PortalElement } from '../base/portal-element.ts';

// Card networks go by their own names in every language.
const brandNames: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/** What the payment elements share: how a method on file is named, and how long a card is valid. */
export class PaymentElement extends PortalElement {
  /** "Visa ·· 4242", "Bank account ·· 6789": the way the server names methods in the transaction history. */
  protected methodLabel(method: PaymentMethod): string {
    const name =
      method.kind === 'bank_account' ? this.t('paymentMethods.bankAccount') : (brandNames[method.brand ?? ''] ?? this.t('paymentMethods.card'));
    return `${name} ·· ${method.last4}`;
  }

  /** "Expires 12/2030" or "Expired 06/2026", month and year as the locale writes them; empty for a bank account. */
  protected expiry({ expMonth, expYear, isExpired }: PaymentMethod): string {
    if (!expMonth || !expYear) return '';
    const date = new Intl.DateTimeFormat(this.effectiveLocale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(expYear, expMonth - 1),
    );
    return this.t(isExpired ? 'paymentMethods.expired' : 'paymentMethods.expires', { date });
  }
}

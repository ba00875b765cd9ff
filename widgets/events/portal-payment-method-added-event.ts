import type { PaymentMethod } from '../../contract/payment-method.ts';

/** Fired after a card or bank account was put on file; `paymentMethod` is what the server stored (brand, last 4 — never the number). */
export class PortalPaymentMethodAddedEvent extends Event {
  static readonly eventName = 'portal-payment-method-added';
  readonly paymentMethod: PaymentMethod;

  constructor(paymentMethod: PaymentMethod) {
    super(PortalPaymentMethodAddedEvent.eventName, { bubbles: true, composed: true });
    this.paymentMethod = paymentMethod;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-payment-method-added': PortalPaymentMethodAddedEvent;
  }
}

import type { PaymentMethod } from '../../contract/payment-method.ts';

/** Fired after a card or bank account was removed; `paymentMethod` is the method as it was on file. */
export class PortalPaymentMethodRemovedEvent extends Event {
  static readonly eventName = 'portal-payment-method-removed';
  readonly paymentMethod: PaymentMethod;

  constructor(paymentMethod: PaymentMethod) {
    super(PortalPaymentMethodRemovedEvent.eventName, { bubbles: true, composed: true });
    this.paymentMethod = paymentMethod;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-payment-method-removed': PortalPaymentMethodRemovedEvent;
  }
}

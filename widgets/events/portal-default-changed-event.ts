import type { PaymentMethod } from '../../contract/payment-method.ts';

/** Fired after another payment method became the default; `paymentMethod` is the new default. */
export class PortalDefaultChangedEvent extends Event {
  static readonly eventName = 'portal-default-changed';
  readonly paymentMethod: PaymentMethod;

  constructor(paymentMethod: PaymentMethod) {
    super(PortalDefaultChangedEvent.eventName, { bubbles: true, composed: true });
    this.paymentMethod = paymentMethod;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-default-changed': PortalDefaultChangedEvent;
  }
}

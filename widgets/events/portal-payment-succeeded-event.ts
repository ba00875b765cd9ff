import type { Payment } from '../../contract/payment.ts';

/** Fired after a payment went through; the balance it paid is settled on the server. */
export class PortalPaymentSucceededEvent extends Event {
  static readonly eventName = 'portal-payment-succeeded';
  readonly payment: Payment;

  constructor(payment: Payment) {
    super(PortalPaymentSucceededEvent.eventName, { bubbles: true, composed: true });
    this.payment = payment;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-payment-succeeded': PortalPaymentSucceededEvent;
  }
}

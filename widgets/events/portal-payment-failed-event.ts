import type { Payment } from '../../contract/payment.ts';

/**
 * Fired after the processor declined a payment: nothing was charged, and `payment` says why
 * (`declineCode`, `failureReason`). A call that failed without an answer fires `portal-error` instead.
 */
export class PortalPaymentFailedEvent extends Event {
  static readonly eventName = 'portal-payment-failed';
  readonly payment: Payment;

  constructor(payment: Payment) {
    super(PortalPaymentFailedEvent.eventName, { bubbles: true, composed: true });
    this.payment = payment;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-payment-failed': PortalPaymentFailedEvent;
  }
}

import type { SubscriptionRequest } from '../../contract/subscription-request.ts';

/** Fired after a subscription change request was sent to the vendor's sales team. */
export class PortalChangeRequestedEvent extends Event {
  static readonly eventName = 'portal-change-requested';
  readonly request: SubscriptionRequest;

  constructor(request: SubscriptionRequest) {
    super(PortalChangeRequestedEvent.eventName, { bubbles: true, composed: true });
    this.request = request;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-change-requested': PortalChangeRequestedEvent;
  }
}

import type { PortalApiError } from '../client/portal-api-error.ts';

/** Fired when a call to the portal server failed, so the host can log it or react (e.g. sign in again). */
export class PortalErrorEvent extends Event {
  static readonly eventName = 'portal-error';
  readonly error: PortalApiError;

  constructor(error: PortalApiError) {
    super(PortalErrorEvent.eventName, { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-error': PortalErrorEvent;
  }
}

/** Fired after Customer Portal View was given to or removed from a user and the server holds the change. */
export class PortalAccessChangedEvent extends Event {
  static readonly eventName = 'portal-access-changed';
  /** The user's id, as in their token's `sub`. */
  readonly sub: string;
  /** Whether the user now holds Customer Portal View. */
  readonly hasPortalAccess: boolean;

  constructor(sub: string, hasPortalAccess: boolean) {
    super(PortalAccessChangedEvent.eventName, { bubbles: true, composed: true });
    this.sub = sub;
    this.hasPortalAccess = hasPortalAccess;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-access-changed': PortalAccessChangedEvent;
  }
}

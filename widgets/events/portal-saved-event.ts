/** Fired after a change was saved on the portal server; `value` is what the server now holds. */
export class PortalSavedEvent<T = unknown> extends Event {
  static readonly eventName = 'portal-saved';
  readonly resource: string;
  readonly value: T;

  constructor(resource: string, value: T) {
    super(PortalSavedEvent.eventName, { bubbles: true, composed: true });
    this.resource = resource;
    this.value = value;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-saved': PortalSavedEvent;
  }
}

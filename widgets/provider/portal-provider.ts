import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientFor } from '../client/client-for.ts';
import { portalContext, type PortalContextValue } from '../context/portal-context.ts';
import type { Messages } from '../i18n/messages-en.ts';

/**
 * Connects every portal element inside it to the portal server, in one locale and wording.
 *
 * @summary Gives the API base, token provider, locale and message overrides to the portal elements it wraps.
 * @slot - The portal elements (and anything else).
 */
export class PortalProvider extends LitElement {
  /** The portal server's base URL; a path prefix is allowed (`https://billing.example.com/portal`). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Asks the host product for a fresh JWT for its signed-in user. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string>;

  /** BCP 47 locale for texts, money and dates; defaults to the page's `lang`. */
  @property() locale?: string;

  /** Replaces any of the shipped texts, by message key. */
  @property({ attribute: false }) messages: Partial<Messages> = {};

  @provide({ context: portalContext })
  @state()
  protected context: PortalContextValue = { client: undefined, locale: undefined, messages: {} };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('tokenProvider') || changed.has('locale') || changed.has('messages')) {
      this.context = { client: clientFor(this.apiBase, this.tokenProvider), locale: this.locale, messages: this.messages };
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  static override styles = css`
    :host {
      display: contents;
    }
  `;
}

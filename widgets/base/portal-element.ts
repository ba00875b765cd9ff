import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientFor } from '../client/client-for.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import type { PortalClient } from '../client/portal-client.ts';
import { portalContext, type PortalContextValue } from '../context/portal-context.ts';
import { PortalErrorEvent } from '../events/portal-error-event.ts';
import { loadCatalogue, messagesFor } from '../i18n/catalogues.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import type { MessageKey, Messages } from '../i18n/messages-en.ts';
import { type MessageParams, translate } from '../i18n/translate.ts';

/** Thrown by an element's task when neither it nor a <portal-provider> knows the server. */
export class NotConfiguredError extends Error {
  override name = 'NotConfiguredError';
}

/**
 * What every portal element shares: its connection to the server (from a surrounding
 * <portal-provider>, or its own `api-base` and `tokenProvider`), texts in its locale, money and
 * date formats, the live region for announcements, and the loading / error states.
 *
 * @cssprop --portal-font-family - Text font (default: the host's).
 * @cssprop --portal-font-family-mono - Font of the Customer Key (default: the system monospace).
 * @cssprop --portal-font-size - Base text size (default: the host's).
 * @cssprop --portal-color-text - Text colour.
 * @cssprop --portal-color-text-muted - Secondary text colour.
 * @cssprop --portal-color-surface - Card background.
 * @cssprop --portal-color-surface-muted - Panels and loading placeholders.
 * @cssprop --portal-color-border - Borders and separators.
 * @cssprop --portal-color-accent - Primary buttons and links.
 * @cssprop --portal-color-accent-text - Text on the accent colour.
 * @cssprop --portal-color-focus - Focus rings (default: the accent).
 * @cssprop --portal-color-danger - Errors and destructive buttons.
 * @cssprop --portal-color-success - "Active" and other good news.
 * @cssprop --portal-color-warning - "Pending" and other things to watch.
 * @cssprop --portal-radius - Corner radius (default 8px).
 * @cssprop --portal-spacing - The spacing unit (default 8px).
 * @cssprop --portal-density - Multiplies the spacing; 0.75 for compact.
 */
export class PortalElement extends LitElement {
  /** The portal server's base URL, when the element is used without a <portal-provider>. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Asks the host product for a fresh JWT, when the element is used without a <portal-provider>. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string>;

  /** BCP 47 locale for texts, money and dates; defaults to the provider's, then the page's `lang`. */
  @property() locale?: string;

  /** Replaces any of the shipped texts, by message key (on top of the provider's overrides). */
  @property({ attribute: false }) messages?: Partial<Messages>;

  @consume({ context: portalContext, subscribe: true })
  @state()
  protected portal?: PortalContextValue;

  /** Read by screen readers when it changes: saves, copies, errors. */
  @state() protected announcement = '';

  #catalogue: Messages = messagesFor('en');
  #isAwaitingCatalogue = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || this.#isAwaitingCatalogue || changed.has('locale') || changed.has('messages') || changed.has('portal')) {
      const locale = this.effectiveLocale;
      const loading = loadCatalogue(locale);
      this.#isAwaitingCatalogue = loading !== undefined;
      void loading?.then(() => this.requestUpdate());
      this.#catalogue = messagesFor(locale, { ...this.portal?.messages, ...this.messages });
    }
  }

  /**
   * The first render waits for a task of its own, so a page that loads the portal evaluates the
   * bundle in one task and renders each element in another, rather than everything in one start-up
   * task (measured: 50–100 ms on a busy machine, the page's longest task, with 100 invoice rows).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return new Promise((resolve) => setTimeout(resolve)).then(() => super.scheduleUpdate());
  }

  /** The client to call the server with, or undefined when none is configured yet. */
  protected get client(): PortalClient | undefined {
    return clientFor(this.apiBase, this.tokenProvider) ?? this.portal?.client;
  }

  /** The client for an action; a NotConfiguredError when there is none. */
  protected requireClient(): PortalClient {
    const client = this.client;
    if (!client) throw new NotConfiguredError();
    return client;
  }

  protected get effectiveLocale(): string {
    return this.locale || this.portal?.locale || document.documentElement.lang || navigator.language || 'en';
  }

  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.#catalogue, key, params);
  }

  protected money(minorUnits: number, currency: string): string {
    return formatMoney(minorUnits, currency, this.effectiveLocale);
  }

  protected date(value: string): string {
    return formatDate(value, this.effectiveLocale);
  }

  /** Moves focus once the next render is on screen: the control that had it may be gone. */
  protected focusSoon(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  protected announce(text: string): void {
    // Clearing first makes a repeated message ("Saved.") be read again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** The user-facing sentence for a failure, in the element's language. */
  protected errorMessage(error: unknown): string {
    if (error instanceof NotConfiguredError) return this.t('error.notConfigured');
    if (!(error instanceof PortalApiError)) return this.t('error.generic');
    switch (error.kind) {
      case 'network':
        return this.t('error.network');
      case 'unauthorized':
        return this.t('error.unauthorized');
      case 'forbidden':
        return this.t('error.forbidden');
      case 'not-provisioned':
        return this.t('error.notProvisioned');
      case 'validation':
        return this.t('error.validation');
      case 'rate-limited':
        return this.t('error.rateLimited');
      case 'service-unavailable':
        return this.t('error.unavailable');
      default:
        return this.t('error.generic');
    }
  }

  /** Lets the host hear of a failed call (a task's, or a save's). */
  protected reportError(error: unknown): void {
    if (error instanceof PortalApiError) this.dispatchEvent(new PortalErrorEvent(error));
  }

  protected renderLiveRegion(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** The error state: what went wrong, a support reference when there is one, and a retry. */
  protected renderError(error: unknown, retry: () => void): TemplateResult {
    const requestId = error instanceof PortalApiError ? error.requestId : undefined;
    return html`<div class="state error" part="error" role="alert">
      <p>${this.errorMessage(error)}</p>
      ${requestId ? html`<p class="muted">${this.t('common.errorReference', { requestId })}</p>` : nothing}
      <button type="button" @click=${retry}>${this.t('common.retry')}</button>
    </div>`;
  }

  /** A loading placeholder of as many lines as the content will take, so nothing shifts when it arrives. */
  protected renderSkeleton(lines: number): TemplateResult {
    return html`<div part="skeleton" aria-busy="true">
      <span class="visually-hidden">${this.t('common.loading')}</span>
      ${Array.from({ length: lines }, () => html`<span class="skeleton-line" aria-hidden="true"></span>`)}
    </div>`;
  }
}

import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { Standing, StandingStatus } from '../../contract/standing.ts';
import { NotConfiguredError, PortalElement } from '../base/portal-element.ts';
import { defineElement } from '../define.ts';
import { PortalStandingChangeEvent } from '../events/portal-standing-change-event.ts';
import type { PortalPayBalance } from '../pay-balance/portal-pay-balance.ts';
import { PortalPaymentMethods } from '../payment-methods/portal-payment-methods.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { keepTabInside, tabbableIn } from './focus-trap.ts';
import { lockoutGateStyles } from './portal-lockout-gate.styles.ts';
import { RecheckController } from './recheck-controller.ts';

const isOverdue = (status: StandingStatus | null): boolean => status === 'past_due' || status === 'locked';

const mailto = (email: string): TemplateResult => html`<a href="mailto:${email}">${email}</a>`;

/**
 * Wraps the host product's content and shows it only while the account may use it. In good standing
 * the content shows as it is; with an invoice due soon, users who may pay also get a reminder they can
 * dismiss; past due, a warning names the day the account locks, with a pay button for users who may
 * pay. Locked, the gate renders no slot at all — the content is neither shown nor reachable by
 * keyboard or screen reader — and a lock screen takes its place: for users with Customer Portal View
 * the balance and the pay flow, with their payment methods to add a card; for the others, whom to
 * contact. As soon as a payment clears the gate reads the standing again and opens, without a reload;
 * it also checks again when the user comes back to the page and every `recheck-seconds`.
 *
 * The content goes inside the gate, or inside a `<template>` child: the gate stamps a template's
 * content into its own children only while open and removes it when it closes, so while locked that
 * content does not exist at all (no requests from its elements, nothing for scripts to find).
 *
 * It fails closed: until the standing is first read it shows a placeholder, and when it cannot be
 * read, the error with a retry — the content stays hidden, because a locked account must never flash
 * it. `fail-open` shows the content when the standing cannot be read instead, for hosts that prefer
 * availability. A re-check that fails keeps what the gate last read. A gate in the browser can be
 * bypassed: hosts enforce the lock on their server too (see the README).
 *
 * @summary Shows the host's content unless the account is locked; then a lock screen to pay, or whom to contact.
 * @slot - The host's content: shown unless the account is locked or its standing is not known yet.
 * @event portal-standing-change - The gate read a standing whose status differs from the last it knew; `previousStatus` is null on the first read.
 * @event portal-payment-succeeded - The balance was paid from the gate (from <portal-pay-balance>); the gate then reads the standing again.
 * @event portal-payment-failed - A payment was declined (from <portal-pay-balance>); `payment.failureReason` says why.
 * @event portal-payment-method-added - A card or bank account was put on file in the gate (from <portal-payment-methods>, whose other events bubble out too).
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart due-soon - The reminder that an invoice falls due soon, with its dismiss button.
 * @csspart past-due - The warning that names the day the account locks, with the pay button.
 * @csspart paid - Said when the overdue balance has been paid and the content is back.
 * @csspart lock-screen - What shows instead of the content while the account is locked.
 * @csspart pay - The pay flow and the payment methods, on the lock screen or under the past-due warning.
 * @csspart contacts - Whom to ask on the lock screen: the Site Admin (for users who may not pay) and support.
 * @csspart error - Why the standing could not be read, with a retry (the content stays hidden).
 * @csspart skeleton - The placeholder shown, instead of the content, until the standing is read.
 */
export class PortalLockoutGate extends PortalElement {
  /** Registers the gate, and the pay flow and payment methods it shows under the tags given, so a partner's names are used throughout. */
  static define(
    tag = 'portal-lockout-gate',
    registry: CustomElementRegistry = customElements,
    { paymentMethodsTag = 'portal-payment-methods', payBalanceTag = 'portal-pay-balance' } = {},
  ): void {
    PortalPaymentMethods.define(paymentMethodsTag, registry, { payBalanceTag });
    this.innerTags = { paymentMethods: unsafeStatic(paymentMethodsTag), payBalance: unsafeStatic(payBalanceTag) };
    defineElement(tag, this, registry);
  }

  private static innerTags = { paymentMethods: unsafeStatic('portal-payment-methods'), payBalance: unsafeStatic('portal-pay-balance') };

  static override styles = [baseStyles, lockoutGateStyles];

  /** Seconds between checks of the standing while the page is visible; 0 checks only when the user comes back to the page. */
  @property({ type: Number, attribute: 'recheck-seconds' }) recheckSeconds = 60;

  /** Shows the content when the standing cannot be read, instead of the error; for hosts that prefer availability. */
  @property({ type: Boolean, attribute: 'fail-open' }) failOpen = false;

  /** The standing last read: it stays while a re-check runs or fails, so the gate neither flickers nor opens on a lost answer. */
  @state() private standing?: Standing;
  @state() private isPayOpen = false;
  @state() private isNoticeDismissed = false;
  @state() private isPaidNoticeShown = false;

  /** What the gate stamped from the host's `<template>`, while open. */
  #stamped?: ChildNode[];

  private standingTask = new Task(this, {
    task: async ([client], { signal }): Promise<Standing> => {
      if (!client) throw new NotConfiguredError();
      return client.getStanding({ signal });
    },
    args: () => [this.client] as const,
    onComplete: (standing) => this.handleStanding(standing),
    onError: (error) => this.reportError(error),
  });

  private recheck = new RecheckController(
    this,
    () => void this.standingTask.run(),
    () => this.recheckSeconds,
  );

  protected override render() {
    return this.standingTask.render({
      initial: () => this.renderLoading(),
      pending: () => (this.standing ? this.renderStanding(this.standing) : this.renderLoading()),
      complete: (standing) => this.renderStanding(standing),
      error: (error) => (this.standing ? this.renderStanding(this.standing) : this.renderFailure(error)),
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.stampTemplate(this.renderRoot.querySelector('slot') !== null);
  }

  private renderLoading(): TemplateResult {
    return this.renderSkeleton(3);
  }

  private renderFailure(error: unknown): TemplateResult {
    if (this.failOpen) return html`<slot></slot>`;
    return html`<div class="state">
      <p>${this.t('lockoutGate.unknown')}</p>
      ${this.renderError(error, () => this.standingTask.run())}
    </div>`;
  }

  private renderStanding(standing: Standing): TemplateResult {
    if (standing.status === 'locked') return this.renderLockScreen(standing);
    return html`${this.isPaidNoticeShown
      ? this.renderNotice('paid', 'success', this.t('lockoutGate.paid'), () => (this.isPaidNoticeShown = false))
      : nothing}
    ${standing.status === 'past_due' ? this.renderPastDue(standing) : nothing}
    ${standing.status === 'due_soon' && standing.canPay && !this.isNoticeDismissed
      ? this.renderNotice(
          'due-soon',
          'warning',
          // The server names the next due date whenever something falls due soon.
          this.t('lockoutGate.dueSoon', { amount: this.money(standing.balanceDue, standing.currency), date: this.date(standing.nextDueAt!) }),
          () => (this.isNoticeDismissed = true),
        )
      : nothing}
    <slot></slot>`;
  }

  private renderNotice(part: string, tone: string, text: string, dismiss: () => void): TemplateResult {
    return html`<div class="banner ${tone}" part=${part} tabindex="-1">
      <p id="${part}-text">${text}</p>
      <button type="button" aria-describedby="${part}-text" @click=${() => this.handleDismiss(dismiss)}>${this.t('lockoutGate.dismiss')}</button>
    </div>`;
  }

  private renderPastDue({ lockAt, canPay }: Standing): TemplateResult {
    // The server gives the lock date whenever something is past due.
    const warning = this.t('lockoutGate.pastDue', { date: this.date(lockAt!) });
    return html`<div class="banner warning" part="past-due">
        <p>${canPay ? warning : `${warning} ${this.t('lockoutGate.pastDueAskAdmin')}`}</p>
        ${canPay
          ? html`<button type="button" class="primary" aria-expanded=${this.isPayOpen ? 'true' : 'false'} @click=${this.handleTogglePay}>
              ${this.t('lockoutGate.pay')}
            </button>`
          : nothing}
      </div>
      ${canPay && this.isPayOpen ? this.renderPay() : nothing}`;
  }

  private renderLockScreen({ canPay, pastDueAmount, currency, contact }: Standing): TemplateResult {
    // An alertdialog, not a live region: focus moves into it, so screen readers read its title and reason when it appears.
    return html`<div
      class="card lock"
      part="lock-screen"
      role="alertdialog"
      aria-labelledby="lock-title"
      aria-describedby="lock-reason"
      tabindex="-1"
      @keydown=${this.handleLockKeydown}
    >
      <h2 id="lock-title">${this.t('lockoutGate.lockedTitle')}</h2>
      <p id="lock-reason">${canPay ? this.t('lockoutGate.lockedPay', { amount: this.money(pastDueAmount, currency) }) : this.t('lockoutGate.lockedAskAdmin')}</p>
      ${canPay ? this.renderPay() : nothing} ${this.renderContacts(contact, canPay)}
    </div>`;
  }

  /** The pay flow, and the payment methods to add a card to pay with (their own "Pay balance" is hidden: the flow above is the one). */
  private renderPay(): TemplateResult {
    const { apiBase, tokenProvider, locale, messages } = this;
    const { paymentMethods, payBalance } = PortalLockoutGate.innerTags;
    return staticHtml`<div class="pay" part="pay">
      <${payBalance} class="pay-balance" .apiBase=${apiBase} .tokenProvider=${tokenProvider} .locale=${locale} .messages=${messages} @portal-payment-succeeded=${this.handlePaid}></${payBalance}>
      <${paymentMethods}
        class="payment-methods"
        .apiBase=${apiBase}
        .tokenProvider=${tokenProvider}
        .locale=${locale}
        .messages=${messages}
        @portal-payment-method-added=${this.handleMethodsChanged}
        @portal-payment-method-removed=${this.handleMethodsChanged}
        @portal-default-changed=${this.handleMethodsChanged}
      ></${paymentMethods}>
    </div>`;
  }

  /** Whom to ask: the Site Admin for a user who may not pay, and support for everyone. */
  private renderContacts({ siteAdmin, support }: Standing['contact'], canPay: boolean): TemplateResult {
    const isSiteAdminShown = !canPay && Boolean(siteAdmin?.name || siteAdmin?.email);
    return html`<dl part="contacts">
      ${isSiteAdminShown ? html`<dt>${this.t('lockoutGate.siteAdmin')}</dt><dd>${siteAdmin?.name} ${siteAdmin?.email ? mailto(siteAdmin.email) : nothing}</dd>` : nothing}
      ${support ? html`<dt>${this.t('lockoutGate.support')}</dt><dd>${mailto(support.email)}</dd>` : nothing}
    </dl>`;
  }

  private handleStanding(standing: Standing): void {
    const previousStatus = this.standing?.status ?? null;
    this.standing = standing;
    if (previousStatus === standing.status) return;
    const hadFocus = this.matches(':focus-within');
    this.isPayOpen = false;
    this.isNoticeDismissed = false;
    this.isPaidNoticeShown = isOverdue(previousStatus) && !isOverdue(standing.status);
    if (standing.status === 'locked') this.focusSoon('[part="lock-screen"]');
    // The lock screen or pay flow that had focus is gone: focus goes to the news that replaced it.
    else if (this.isPaidNoticeShown && hadFocus) this.focusSoon('[part="paid"]');
    this.dispatchEvent(new PortalStandingChangeEvent(previousStatus, standing));
  }

  private handleLockKeydown(event: KeyboardEvent): void {
    keepTabInside(event, event.currentTarget as HTMLElement);
  }

  private handleTogglePay(): void {
    this.isPayOpen = !this.isPayOpen;
  }

  private handlePaid(): void {
    void this.standingTask.run();
  }

  /** The pay flow offers what is on file now. */
  private handleMethodsChanged(): void {
    void this.renderRoot.querySelector<PortalPayBalance>('.pay-balance')?.reload();
  }

  private handleDismiss(dismiss: () => void): void {
    dismiss();
    // Focus goes on to the content the notice stood above, rather than back to the page's start.
    void this.updateComplete.then(() => tabbableIn(this.renderRoot.querySelectorAll('slot'))[0]?.focus());
  }

  /** Stamps the host's `<template>` into the gate's children while it is open, and removes what it stamped when it closes. */
  private stampTemplate(isOpen: boolean): void {
    if (isOpen && !this.#stamped) {
      const template = this.querySelector<HTMLTemplateElement>(':scope > template');
      if (!template) return;
      const content = document.importNode(template.content, true);
      this.#stamped = [...content.childNodes];
      this.append(content);
    } else if (!isOpen && this.#stamped) {
      for (const node of this.#stamped) node.remove();
      this.#stamped = undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-lockout-gate': PortalLockoutGate;
  }
}

import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Payment } from '../../contract/payment.ts';
import type { PaymentMethod } from '../../contract/payment-method.ts';
import type { Standing } from '../../contract/standing.ts';
import { NotConfiguredError } from '../base/portal-element.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import { defineElement } from '../define.ts';
import { PortalPaymentFailedEvent } from '../events/portal-payment-failed-event.ts';
import { PortalPaymentSucceededEvent } from '../events/portal-payment-succeeded-event.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { declineMessageKey } from './decline-messages.ts';
import { PaymentElement } from './payment-element.ts';
import { paymentStyles } from './payment.styles.ts';
import { payBalanceStyles } from './portal-pay-balance.styles.ts';

interface BalanceView {
  standing: Standing;
  methods: PaymentMethod[];
}

/** A confirmed payment whose outcome is not known yet; a retry sends exactly this again. */
interface Attempt {
  idempotencyKey: string;
  paymentMethodId: string;
}

/**
 * Whether a payment call ended without an outcome: no answer arrived, the processor could not be
 * reached (503), or the attempt is still running (409). The charge may have gone through, so only a
 * retry with the same Idempotency-Key is safe: the server then answers that attempt's outcome.
 */
const isOutcomeUnknown = (error: unknown): boolean =>
  error instanceof PortalApiError && (error.kind === 'network' || error.kind === 'service-unavailable' || error.kind === 'conflict');

/**
 * Pays what the account owes: shows the amount due, lets the user pick a payment method on file
 * (the default first; expired cards cannot be picked), asks before charging, and shows the outcome —
 * the reference of a payment that went through, or in plain words why it was declined. A retry
 * after a lost answer never charges twice. Used inside <portal-payment-methods> and the lockout gate.
 *
 * @summary Pay the balance: amount due, a payment method to pay with, confirm, the outcome.
 * @event portal-payment-succeeded - The payment went through; `payment` is the server's record of it.
 * @event portal-payment-failed - The processor declined the payment and nothing was charged; `payment.failureReason` says why.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart amount - The amount due.
 * @csspart methods - The choice of payment method.
 * @csspart pay-button - The button that asks to confirm the payment.
 * @csspart confirm - The question asked before charging.
 * @csspart outcome - The result of the last payment: received, or declined and why.
 * @csspart pay-error - Why the last payment call failed, with a retry when its outcome is not known.
 * @csspart nothing-due - Said when nothing is due.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalPayBalance extends PaymentElement {
  static define(tag = 'portal-pay-balance', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  static override styles = [baseStyles, paymentStyles, payBalanceStyles];

  /** The method the user picked; until then the default (or the first that has not expired). */
  @state() private chosenId?: string;
  @state() private isConfirming = false;
  @state() private attempt?: Attempt;
  @state() private isPaying = false;
  /** The last payment the server settled: received, or declined. */
  @state() private outcome?: Payment;
  @state() private payError?: unknown;

  private balanceTask = new Task(this, {
    task: async ([client], { signal }): Promise<BalanceView> => {
      if (!client) throw new NotConfiguredError();
      const [standing, methods] = await Promise.all([client.getStanding({ signal }), client.listPaymentMethods({ signal })]);
      return { standing, methods: methods.data };
    },
    args: () => [this.client] as const,
    onError: (error) => this.reportError(error),
  });

  /** Reads the balance and the payment methods again, e.g. after a method was added elsewhere on the page. */
  async reload(): Promise<void> {
    await this.balanceTask.run();
  }

  protected override render() {
    return html`${this.balanceTask.render({
      pending: () => (this.balanceTask.value ? this.renderBalance(this.balanceTask.value) : this.renderLoading()),
      complete: (view) => this.renderBalance(view),
      error: (error) => this.renderError(error, () => this.balanceTask.run()),
      initial: () => this.renderLoading(),
    })}
    ${this.renderLiveRegion()}`;
  }

  private renderLoading(): TemplateResult {
    return this.renderSkeleton(5);
  }

  private renderBalance({ standing, methods }: BalanceView): TemplateResult {
    if (standing.balanceDue <= 0) {
      return html`${this.renderOutcome()}
        <p part="nothing-due">${this.t('payBalance.nothingDue')}</p>`;
    }
    const amount = this.money(standing.balanceDue, standing.currency);
    const usable = methods.filter((method) => !method.isExpired);
    const chosen = usable.find((method) => method.id === this.chosenId) ?? usable.find((method) => method.isDefault) ?? usable[0];
    return html`${this.renderOutcome()}
      <p class="muted">${this.t('payBalance.amountDue')}</p>
      <p class="amount" part="amount">${amount}</p>
      ${chosen ? this.renderChoice(methods, chosen, amount) : html`<p class="muted">${this.t('payBalance.noMethod')}</p>`}`;
  }

  private renderChoice(methods: PaymentMethod[], chosen: PaymentMethod, amount: string): TemplateResult {
    return html`<fieldset part="methods" ?disabled=${this.attempt !== undefined}>
        <legend>${this.t('payBalance.payWith')}</legend>
        ${methods.map(
          (method) => html`<label>
            <input
              type="radio"
              name="method"
              .checked=${method.id === chosen.id}
              ?disabled=${method.isExpired}
              @change=${() => (this.chosenId = method.id)}
            />
            <strong>${this.methodLabel(method)}</strong>
            ${method.isDefault ? html`<span class="badge">${this.t('paymentMethods.default')}</span>` : nothing}
            <span class=${method.isExpired ? 'badge expired' : 'muted'}>${this.expiry(method)}</span>
          </label>`,
        )}
      </fieldset>
      ${this.renderPayError()} ${this.isConfirming ? this.renderConfirm(chosen, amount) : this.renderPayButton(amount)}`;
  }

  private renderPayButton(amount: string): TemplateResult {
    if (this.isPaying) return html`<button type="button" class="primary" disabled>${this.t('payBalance.paying')}</button>`;
    // An attempt whose outcome is unknown may only be retried as it was, never paid afresh.
    if (this.attempt) return html`<button type="button" class="primary" part="pay-button" @click=${this.handleRetry}>${this.t('common.retry')}</button>`;
    return html`<button type="button" class="primary" part="pay-button" @click=${this.handleAskToPay}>${this.t('payBalance.pay', { amount })}</button>`;
  }

  private renderConfirm(chosen: PaymentMethod, amount: string): TemplateResult {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question">${this.t('payBalance.confirm', { amount, method: this.methodLabel(chosen) })}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.handleConfirm(chosen)}>${this.t('payBalance.payNow')}</button>
        <button type="button" @click=${this.handleCancel}>${this.t('common.cancel')}</button>
      </div>
    </div>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const payment = this.outcome;
    if (!payment) return nothing;
    const amount = this.money(payment.amount, payment.currency);
    return payment.status === 'succeeded'
      ? html`<p class="banner success" part="outcome" tabindex="-1">
          ${this.t('payBalance.succeeded', { amount, reference: payment.reference })}
        </p>`
      : html`<p class="banner error" part="outcome" tabindex="-1">
          <strong>${this.t('payBalance.declined', { amount })}</strong><br />${this.declineReason(payment)}
        </p>`;
  }

  private renderPayError(): TemplateResult | typeof nothing {
    return this.payError
      ? html`<p class="banner error" part="pay-error" tabindex="-1">${this.payErrorMessage(this.payError)}</p>`
      : nothing;
  }

  private declineReason(payment: Payment): string {
    const key = declineMessageKey(payment.declineCode);
    return key ? this.t(key) : (payment.failureReason ?? this.t('payBalance.decline.processingError'));
  }

  private payErrorMessage(error: unknown): string {
    if (isOutcomeUnknown(error)) return this.t('payBalance.unconfirmed');
    // The server refuses a payment whose method or invoices are gone; what it owes is read again.
    if (error instanceof PortalApiError && (error.kind === 'validation' || error.kind === 'idempotency-key-reused')) {
      return this.t('payBalance.changed');
    }
    return this.errorMessage(error);
  }

  private handleAskToPay(): void {
    this.isConfirming = true;
    this.outcome = undefined;
    this.payError = undefined;
    this.focusSoon('[part="confirm"] .primary');
  }

  private handleCancel(): void {
    this.isConfirming = false;
    this.focusSoon('[part="pay-button"]');
  }

  private handleConfirm(chosen: PaymentMethod): void {
    this.isConfirming = false;
    // A new key for each confirmed payment: the server tells a retry from a second payment by it.
    this.attempt = { idempotencyKey: crypto.randomUUID(), paymentMethodId: chosen.id };
    void this.pay(this.attempt);
  }

  private handleRetry(): void {
    if (this.attempt) void this.pay(this.attempt);
  }

  private async pay(attempt: Attempt): Promise<void> {
    this.isPaying = true;
    this.payError = undefined;
    try {
      const payment = await this.requireClient().pay({ paymentMethodId: attempt.paymentMethodId }, attempt.idempotencyKey);
      this.attempt = undefined;
      // Read again rather than worked out here: the server says what is still due.
      await this.balanceTask.run();
      this.outcome = payment;
      const isPaid = payment.status === 'succeeded';
      const amount = this.money(payment.amount, payment.currency);
      this.announce(
        isPaid
          ? this.t('payBalance.succeeded', { amount, reference: payment.reference })
          : `${this.t('payBalance.declined', { amount })} ${this.declineReason(payment)}`,
      );
      this.dispatchEvent(isPaid ? new PortalPaymentSucceededEvent(payment) : new PortalPaymentFailedEvent(payment));
      this.focusSoon('[part="outcome"]');
    } catch (error) {
      if (!isOutcomeUnknown(error)) {
        this.attempt = undefined;
        await this.balanceTask.run();
      }
      this.payError = error;
      this.reportError(error);
      this.announce(this.payErrorMessage(error));
      this.focusSoon('[part="pay-error"]');
    } finally {
      this.isPaying = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-pay-balance': PortalPayBalance;
  }
}

import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { PaymentMethod } from '../../contract/payment-method.ts';
import type { Standing } from '../../contract/standing.ts';
import { NotConfiguredError } from '../base/portal-element.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import type { PortalClient } from '../client/portal-client.ts';
import { defineElement } from '../define.ts';
import { PortalDefaultChangedEvent } from '../events/portal-default-changed-event.ts';
import { PortalPaymentMethodAddedEvent } from '../events/portal-payment-method-added-event.ts';
import { PortalPaymentMethodRemovedEvent } from '../events/portal-payment-method-removed-event.ts';
import { PaymentElement } from '../pay-balance/payment-element.ts';
import { paymentStyles } from '../pay-balance/payment.styles.ts';
import { PortalPayBalance } from '../pay-balance/portal-pay-balance.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { type DetailField, detailFields, type DetailsKind, detailsFrom, type PaymentDetails, type Tokenizer } from './payment-details.ts';
import { paymentMethodsStyles } from './portal-payment-methods.styles.ts';

interface MethodsView {
  methods: PaymentMethod[];
  standing: Standing;
}

/** A change the server refused, shown in the row of the method it was for. */
interface RowProblem {
  id: string;
  error: unknown;
}

/**
 * My Payment Methods: the cards and bank accounts on file that billing uses, the default first.
 * Users add a card or bank account — its details go only to the payment processor's tokenizer, and
 * the portal receives the token — choose the default, and remove methods. When anything is due it
 * offers to pay the balance with <portal-pay-balance>, whose events bubble out of this element.
 *
 * @summary My Payment Methods: cards and bank accounts on file; add, set default, remove, pay the balance.
 * @event portal-payment-method-added - A card or bank account was put on file; `paymentMethod` is what the server stored.
 * @event portal-payment-method-removed - A method was removed; `paymentMethod` is the method as it was.
 * @event portal-default-changed - Another method became the default; `paymentMethod` is the new default.
 * @event portal-payment-succeeded - The balance was paid (from <portal-pay-balance>); `payment` is the server's record.
 * @event portal-payment-failed - A payment was declined (from <portal-pay-balance>); `payment.failureReason` says why.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart card - The element's frame.
 * @csspart balance - What is due, with the button that opens the payment.
 * @csspart pay-balance - The embedded <portal-pay-balance>.
 * @csspart list - The list of payment methods.
 * @csspart method - One payment method.
 * @csspart default-badge - The badge on the default method.
 * @csspart expired-badge - The flag on a card that has expired.
 * @csspart confirm - The question asked before a method is removed.
 * @csspart row-error - Why a change to that method failed.
 * @csspart empty - Said when no payment method is on file.
 * @csspart add-card - The button that opens the card form.
 * @csspart add-bank-account - The button that opens the bank account form.
 * @csspart form - The form for a new card or bank account.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalPaymentMethods extends PaymentElement {
  /** Registers the element, and the pay flow it shows under `payBalanceTag`, so a partner's names are used throughout. */
  static define(tag = 'portal-payment-methods', registry: CustomElementRegistry = customElements, { payBalanceTag = 'portal-pay-balance' } = {}): void {
    PortalPayBalance.define(payBalanceTag, registry);
    this.payBalanceTag = unsafeStatic(payBalanceTag);
    defineElement(tag, this, registry);
  }

  private static payBalanceTag = unsafeStatic('portal-pay-balance');

  static override styles = [baseStyles, paymentStyles, paymentMethodsStyles];

  /**
   * Turns card or bank account details into a token with the host's payment processor, so the numbers
   * never reach the portal. Rejecting with a PortalApiError whose `fieldErrors` use paths such as
   * `card.number` shows each message beside its field. Default: the portal server's sandbox gateway.
   */
  @property({ attribute: false }) tokenizer?: Tokenizer;

  @state() private openForm?: DetailsKind;
  @state() private formError?: unknown;
  @state() private isAdding = false;
  /** The method being changed, until the server has answered and the list is read again. */
  @state() private changingId?: string;
  @state() private confirmingRemoveId?: string;
  @state() private rowProblem?: RowProblem;
  @state() private isPayOpen = false;

  private methodsTask = new Task(this, {
    task: async ([client], { signal }): Promise<MethodsView> => {
      if (!client) throw new NotConfiguredError();
      const [methods, standing] = await Promise.all([client.listPaymentMethods({ signal }), client.getStanding({ signal })]);
      return { methods: methods.data, standing };
    },
    args: () => [this.client] as const,
    onError: (error) => this.reportError(error),
  });

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="title">
      <div class="card-header"><h2 id="title">${this.t('paymentMethods.title')}</h2></div>
      ${this.methodsTask.render({
        pending: () => (this.methodsTask.value ? this.renderView(this.methodsTask.value) : this.renderLoading()),
        complete: (view) => this.renderView(view),
        error: (error) => this.renderError(error, () => this.methodsTask.run()),
        initial: () => this.renderLoading(),
      })}
      ${this.renderLiveRegion()}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return this.renderSkeleton(4);
  }

  private renderView({ methods, standing }: MethodsView): TemplateResult {
    return html`${this.renderBalance(standing)}
    ${methods.length > 0
      ? html`<ul part="list">
          ${repeat(
            methods,
            (method) => method.id,
            (method) => this.renderMethod(method),
          )}
        </ul>`
      : html`<p class="empty" part="empty">${this.t('paymentMethods.empty')}</p>`}
    ${this.openForm
      ? this.renderForm(this.openForm)
      : html`<div class="actions">
          <button type="button" part="add-card" @click=${() => this.handleOpenForm('card')}>${this.t('paymentMethods.addCard')}</button>
          <button type="button" part="add-bank-account" @click=${() => this.handleOpenForm('bankAccount')}>
            ${this.t('paymentMethods.addBankAccount')}
          </button>
        </div>`}`;
  }

  /** What is due and the way to pay it; the pay flow stays open after a payment so its outcome stays in view. */
  private renderBalance({ balanceDue, currency }: Standing): TemplateResult {
    return html`${balanceDue > 0
      ? html`<div class="banner balance" part="balance">
          <p>${this.t('paymentMethods.balanceDue', { amount: this.money(balanceDue, currency) })}</p>
          <button type="button" class="primary" aria-expanded=${this.isPayOpen ? 'true' : 'false'} @click=${this.handleTogglePay}>
            ${this.t('paymentMethods.payBalance')}
          </button>
        </div>`
      : nothing}
    ${this.isPayOpen
      ? staticHtml`<${PortalPaymentMethods.payBalanceTag}
          part="pay-balance"
          .apiBase=${this.apiBase}
          .tokenProvider=${this.tokenProvider}
          .locale=${this.locale}
          .messages=${this.messages}
          @portal-payment-succeeded=${() => this.methodsTask.run()}
        ></${PortalPaymentMethods.payBalanceTag}>`
      : nothing}`;
  }

  private renderMethod(method: PaymentMethod): TemplateResult {
    const labelId = `label-${method.id}`;
    const problem = this.rowProblem?.id === method.id ? this.rowProblem.error : undefined;
    const isBusy = this.changingId !== undefined;
    const details = [method.holderName, method.isExpired ? '' : this.expiry(method)].filter(Boolean).join(' · ');
    return html`<li part="method">
      <div>
        <strong id=${labelId}>${this.methodLabel(method)}</strong>
        ${method.isDefault ? html`<span class="badge" part="default-badge">${this.t('paymentMethods.default')}</span>` : nothing}
        ${method.isExpired ? html`<span class="badge expired" part="expired-badge">${this.expiry(method)}</span>` : nothing}
        ${details ? html`<p class="muted">${details}</p>` : nothing}
      </div>
      <div class="actions">
        ${method.isDefault || method.isExpired
          ? nothing
          : html`<button
              type="button"
              aria-describedby=${labelId}
              aria-disabled=${isBusy ? 'true' : nothing}
              @click=${() => this.handleSetDefault(method)}
            >
              ${this.t('paymentMethods.setDefault')}
            </button>`}
        <button
          type="button"
          id="remove-${method.id}"
          aria-describedby=${problem ? `${labelId} problem-${method.id}` : labelId}
          aria-disabled=${isBusy ? 'true' : nothing}
          @click=${() => this.handleAskToRemove(method)}
        >
          ${this.t('paymentMethods.remove')}
        </button>
      </div>
      ${this.confirmingRemoveId === method.id ? this.renderConfirmRemove(method) : nothing}
      ${problem ? html`<p class="row-error" part="row-error" id="problem-${method.id}">${this.rowErrorMessage(problem, method)}</p>` : nothing}
    </li>`;
  }

  private renderConfirmRemove(method: PaymentMethod): TemplateResult {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question">${this.t('paymentMethods.confirmRemove', { method: this.methodLabel(method) })}</p>
      <div class="actions">
        <button type="button" class="danger" @click=${() => this.handleRemove(method)}>${this.t('paymentMethods.remove')}</button>
        <button type="button" @click=${() => this.handleCancelRemove(method)}>${this.t('common.cancel')}</button>
      </div>
    </div>`;
  }

  private renderForm(kind: DetailsKind): TemplateResult {
    const title = this.t(kind === 'card' ? 'paymentMethods.addCard' : 'paymentMethods.addBankAccount');
    const fields = detailFields[kind];
    return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${this.handleAdd}>
      <h3 id="form-title">${title}</h3>
      ${this.formError ? html`<div class="banner error"><p>${this.formErrorMessage(this.formError, fields)}</p></div>` : nothing}
      <div class="fields">${fields.map((field) => this.renderField(field))}</div>
      <p class="muted">${this.t('paymentMethods.processorNote')}</p>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.isAdding}>${this.isAdding ? this.t('common.saving') : title}</button>
        <button type="button" ?disabled=${this.isAdding} @click=${this.handleCloseForm}>${this.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  /**
   * An input whose value the element never holds: the form is read once on submit, emptied as soon
   * as the details are tokenized, and dropped with what it holds when it closes.
   */
  private renderField(field: DetailField): TemplateResult {
    const error = this.formError instanceof PortalApiError ? this.formError.fieldMessage(field.path) : undefined;
    return html`<div class=${field.isWide ? 'field wide' : 'field'}>
      <label for=${field.path}>${this.t(field.label)}</label>
      <input
        id=${field.path}
        name=${field.path}
        autocomplete=${field.autocomplete}
        inputmode=${field.isNumeric ? 'numeric' : nothing}
        maxlength=${field.maxLength ?? nothing}
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${field.path}-error` : nothing}
      />
      ${error ? html`<p class="field-error" id="${field.path}-error">${error}</p>` : nothing}
    </div>`;
  }

  private formErrorMessage(error: unknown, fields: DetailField[]): string {
    if (!(error instanceof PortalApiError)) return this.errorMessage(error);
    if (error.kind === 'conflict') return this.t('paymentMethods.duplicate');
    // A problem with no input on this form (say, a token the processor no longer knows) is only said here.
    const elsewhere = error.fieldErrors.filter((fieldError) => !fields.some((field) => field.path === fieldError.path));
    return elsewhere.length > 0 ? elsewhere.map((fieldError) => fieldError.message).join(' ') : this.errorMessage(error);
  }

  private rowErrorMessage(error: unknown, method: PaymentMethod): string {
    // The server refuses to remove the default while other methods are on file.
    return error instanceof PortalApiError && error.kind === 'conflict'
      ? this.t('paymentMethods.removeDefaultRefused', { method: this.methodLabel(method) })
      : this.errorMessage(error);
  }

  private tokenize(details: PaymentDetails): Promise<{ token: string }> {
    return this.tokenizer ? this.tokenizer(details) : this.requireClient().createSandboxToken(details);
  }

  private handleTogglePay(): void {
    this.isPayOpen = !this.isPayOpen;
  }

  private handleOpenForm(kind: DetailsKind): void {
    this.openForm = kind;
    this.formError = undefined;
    this.focusSoon('form input');
  }

  private handleCloseForm(): void {
    const kind = this.openForm;
    this.openForm = undefined;
    this.formError = undefined;
    this.focusSoon(kind === 'bankAccount' ? '[part="add-bank-account"]' : '[part="add-card"]');
  }

  private async handleAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const kind = this.openForm;
    if (!kind || this.isAdding) return;
    this.isAdding = true;
    this.formError = undefined;
    try {
      const { token } = await this.tokenize(detailsFrom(kind, new FormData(form)));
      // From here on the processor holds the details: none stay in the page, whatever happens next.
      form.reset();
      const added = await this.requireClient().addPaymentMethod({ token });
      await this.methodsTask.run();
      this.openForm = undefined;
      this.announce(this.t('paymentMethods.added', { method: this.methodLabel(added) }));
      this.dispatchEvent(new PortalPaymentMethodAddedEvent(added));
      this.afterChange('[part="add-card"]');
    } catch (error) {
      this.formError = error;
      this.reportError(error);
      this.announce(this.formErrorMessage(error, detailFields[kind]));
      this.focusSoon('form [aria-invalid="true"], form [type="submit"]');
    } finally {
      this.isAdding = false;
    }
  }

  private async handleSetDefault(method: PaymentMethod): Promise<void> {
    if (this.changingId) return;
    const changed = await this.change(method, (client) => client.setDefaultPaymentMethod(method.id));
    if (!changed) return;
    this.announce(this.t('paymentMethods.defaultChanged', { method: this.methodLabel(changed) }));
    this.dispatchEvent(new PortalDefaultChangedEvent(changed));
    this.afterChange(`[id="remove-${method.id}"]`);
  }

  private handleAskToRemove(method: PaymentMethod): void {
    if (this.changingId) return;
    this.confirmingRemoveId = method.id;
    this.rowProblem = undefined;
    this.focusSoon('[part="confirm"] .danger');
  }

  private handleCancelRemove(method: PaymentMethod): void {
    this.confirmingRemoveId = undefined;
    this.focusSoon(`[id="remove-${method.id}"]`);
  }

  private async handleRemove(method: PaymentMethod): Promise<void> {
    const removed = await this.change(method, async (client) => {
      await client.removePaymentMethod(method.id);
      return method;
    });
    if (!removed) return;
    this.announce(this.t('paymentMethods.removed', { method: this.methodLabel(removed) }));
    this.dispatchEvent(new PortalPaymentMethodRemovedEvent(removed));
    this.afterChange('[part="add-card"]');
  }

  /** Runs a change to one method and reads the list again; a refusal is shown in that method's row. */
  private async change(
    method: PaymentMethod,
    action: (client: PortalClient) => Promise<PaymentMethod>,
  ): Promise<PaymentMethod | undefined> {
    this.changingId = method.id;
    this.confirmingRemoveId = undefined;
    this.rowProblem = undefined;
    try {
      const changed = await action(this.requireClient());
      // Read again rather than patched, so the order (default first) is the server's.
      await this.methodsTask.run();
      return changed;
    } catch (error) {
      this.rowProblem = { id: method.id, error };
      this.reportError(error);
      this.announce(this.rowErrorMessage(error, method));
      this.focusSoon(`[id="remove-${method.id}"]`);
      return undefined;
    } finally {
      this.changingId = undefined;
    }
  }

  /** After a method changed: the pay flow, if open, offers what is on file now; focus goes to `focusSelector`. */
  private afterChange(focusSelector: string): void {
    void this.renderRoot.querySelector<PortalPayBalance>('[part="pay-balance"]')?.reload();
    this.focusSoon(focusSelector);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-payment-methods': PortalPaymentMethods;
  }
}

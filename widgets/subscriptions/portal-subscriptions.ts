import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Subscription } from '../../contract/subscription.ts';
import type { SubscriptionRequest } from '../../contract/subscription-request.ts';
import type { SupportContact } from '../../contract/support-contact.ts';
import { NotConfiguredError, PortalElement } from '../base/portal-element.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import { defineElement } from '../define.ts';
import { PortalChangeRequestedEvent } from '../events/portal-change-requested-event.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { type ChangeRequestDraft, namesFeature, requestKinds, requestOf } from './change-request-draft.ts';
import { subscriptionsStyles } from './portal-subscriptions.styles.ts';

interface SubscriptionsView {
  subscriptions: Subscription[];
  requests: SubscriptionRequest[];
  contact: SupportContact['support'];
}

/**
 * The account's subscriptions: plan, rate and billing interval, invoice and payment terms, next
 * invoice date and status; the premium features it includes and those it could add, with their
 * prices; how to contact the vendor, and a form to request a change, shown as pending until dealt with.
 *
 * @summary My Subscriptions: plans, terms, premium features, and requests for a change.
 * @event portal-change-requested - A change request was sent to the vendor; `request` is what was recorded.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart card - The element's frame.
 * @csspart subscription - One subscription.
 * @csspart feature - One premium feature, included or available.
 * @csspart request-button - A button that opens the request form.
 * @csspart form - The request form.
 * @csspart request - One sent request.
 * @csspart empty - The message shown when there are no subscriptions.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalSubscriptions extends PortalElement {
  static define(tag = 'portal-subscriptions', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  static override styles = [baseStyles, subscriptionsStyles];

  @state() private draft?: ChangeRequestDraft;
  @state() private sendError?: unknown;
  @state() private isSending = false;

  private viewTask = new Task(this, {
    task: async ([client], { signal }): Promise<SubscriptionsView> => {
      if (!client) throw new NotConfiguredError();
      const [subscriptions, requests, contact] = await Promise.all([
        client.listSubscriptions({ signal }),
        client.listSubscriptionRequests({ signal }),
        client.getSupportContact({ signal }),
      ]);
      return { subscriptions: subscriptions.data, requests: requests.data, contact: contact.support };
    },
    args: () => [this.client] as const,
    onError: (error) => this.reportError(error),
  });

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="title">
      <div class="card-header"><h2 id="title">${this.t('subscriptions.title')}</h2></div>
      ${this.viewTask.render({
        pending: () => (this.viewTask.value ? this.renderView(this.viewTask.value) : this.renderLoading()),
        complete: (view) => this.renderView(view),
        error: (error) => this.renderError(error, () => this.viewTask.run()),
        initial: () => this.renderLoading(),
      })}
      ${this.renderLiveRegion()}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return this.renderSkeleton(6);
  }

  private renderView(view: SubscriptionsView): TemplateResult {
    return html`${view.subscriptions.length > 0
      ? view.subscriptions.map((subscription) => this.renderSubscription(subscription, view.requests))
      : html`<div class="state" part="empty">
          <p class="muted">${this.t('subscriptions.empty')}</p>
          <button type="button" @click=${() => this.viewTask.run()}>${this.t('common.retry')}</button>
        </div>`}
    ${this.renderChange(view)} ${this.renderRequests(view)}`;
  }

  private renderSubscription(subscription: Subscription, requests: SubscriptionRequest[]): TemplateResult {
    const active = subscription.features.filter((feature) => feature.isActive);
    const available = subscription.features.filter((feature) => !feature.isActive);
    const perInterval = (amount: number) =>
      this.t(`subscriptions.ratePer.${subscription.interval}`, { amount: this.money(amount, subscription.currency) });
    const isRequested = (featureName: string) =>
      requests.some(
        (request) =>
          request.status === 'pending' &&
          request.kind === 'add_feature' &&
          request.subscriptionId === subscription.id &&
          request.featureName === featureName,
      );
    return html`<article class="subscription" part="subscription" aria-labelledby="plan-${subscription.id}">
      <div class="plan-header">
        <h3 class="plan-name" id="plan-${subscription.id}">${subscription.plan}</h3>
        <span class="badge ${subscription.status}">
          ${subscription.status === 'active'
            ? this.t('subscriptions.status.active')
            : this.t('subscriptions.status.scheduled', { date: this.date(subscription.startsAt) })}
        </span>
      </div>
      <dl class="terms">
        <div><dt>${this.t('subscriptions.rate')}</dt><dd>${perInterval(subscription.unitAmount)}</dd></div>
        <div><dt>${this.t('subscriptions.billingInterval')}</dt><dd>${this.t(`subscriptions.interval.${subscription.interval}`)}</dd></div>
        <div><dt>${this.t('subscriptions.nextInvoice')}</dt><dd>${this.date(subscription.nextInvoiceAt)}</dd></div>
        <div><dt>${this.t('subscriptions.invoiceTerms')}</dt><dd>${subscription.invoiceTerms}</dd></div>
        <div><dt>${this.t('subscriptions.paymentTerms')}</dt><dd>${subscription.paymentTerms}</dd></div>
      </dl>
      <div class="features">
        <div>
          <h4>${this.t('subscriptions.activeFeatures')}</h4>
          ${active.length > 0
            ? html`<ul>
                ${active.map(
                  (feature) => html`<li class="feature" part="feature">
                    <span>${feature.name}</span><span class="feature-price">${perInterval(feature.unitAmount)}</span>
                  </li>`,
                )}
              </ul>`
            : html`<p class="muted">${this.t('subscriptions.noActiveFeatures')}</p>`}
        </div>
        ${available.length > 0
          ? html`<div>
              <h4>${this.t('subscriptions.availableFeatures')}</h4>
              <ul>
                ${available.map(
                  (feature) => html`<li class="feature" part="feature">
                    <span>${feature.name} <span class="feature-price">· ${perInterval(feature.unitAmount)}</span></span>
                    ${isRequested(feature.name)
                      ? html`<span class="badge pending">${this.t('subscriptions.featureRequested')}</span>`
                      : html`<button
                          type="button"
                          part="request-button"
                          @click=${() => this.openForm({ kind: 'add_feature', subscriptionId: subscription.id, featureName: feature.name, message: '' })}
                        >
                          ${this.t('subscriptions.requestFeature', { feature: feature.name })}
                        </button>`}
                  </li>`,
                )}
              </ul>
            </div>`
          : nothing}
      </div>
    </article>`;
  }

  private renderChange(view: SubscriptionsView): TemplateResult {
    const { email, phone, url } = view.contact;
    return html`<div class="change">
      <h3>${this.t('subscriptions.contactTitle')}</h3>
      <p>${this.t('subscriptions.contactIntro')}</p>
      <div class="contact-ways">
        ${email ? html`<a href="mailto:${email}">${this.t('subscriptions.contactEmail', { email })}</a>` : nothing}
        ${phone ? html`<a href="tel:${phone.replace(/[^+\d]/g, '')}">${this.t('subscriptions.contactPhone', { phone })}</a>` : nothing}
        ${url ? html`<a href=${url} target="_blank" rel="noopener">${this.t('subscriptions.contactPage')}</a>` : nothing}
        ${this.draft
          ? nothing
          : html`<button
              type="button"
              part="request-button"
              @click=${() =>
                this.openForm({
                  kind: view.subscriptions.length > 0 ? 'change_plan' : 'other',
                  subscriptionId: view.subscriptions[0]?.id ?? '',
                  featureName: '',
                  message: '',
                })}
            >
              ${this.t('subscriptions.requestChange')}
            </button>`}
      </div>
      ${this.draft ? this.renderForm(this.draft, view.subscriptions) : nothing}
    </div>`;
  }

  private renderForm(draft: ChangeRequestDraft, subscriptions: Subscription[]): TemplateResult {
    const subscription = subscriptions.find((candidate) => candidate.id === draft.subscriptionId);
    const features = (subscription?.features ?? []).filter((feature) => feature.isActive === (draft.kind === 'remove_feature'));
    return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${this.handleSend}>
      <h4 id="form-title">${this.t('subscriptions.form.title')}</h4>
      ${this.sendError ? html`<div class="banner error"><p>${this.sendErrorMessage()}</p></div>` : nothing}
      ${this.renderSelect(
        'kind',
        this.t('subscriptions.form.kind'),
        requestKinds.map((kind) => ({ value: kind, label: this.t(`subscriptions.kind.${kind}`) })),
        draft.kind,
        (kind) => ({ ...this.draft!, kind: kind as ChangeRequestDraft['kind'], featureName: '' }),
      )}
      ${subscriptions.length > 1
        ? this.renderSelect(
            'subscriptionId',
            this.t('subscriptions.form.subscription'),
            subscriptions.map((candidate) => ({ value: candidate.id, label: candidate.plan })),
            draft.subscriptionId,
            (subscriptionId) => ({ ...this.draft!, subscriptionId, featureName: '' }),
          )
        : nothing}
      ${namesFeature(draft.kind)
        ? this.renderSelect(
            'featureName',
            this.t('subscriptions.form.feature'),
            [{ value: '', label: '' }, ...features.map((feature) => ({ value: feature.name, label: feature.name }))],
            draft.featureName,
            (featureName) => ({ ...this.draft!, featureName }),
          )
        : nothing}
      <div>
        <label for="message">
          ${draft.kind === 'other' ? this.t('subscriptions.form.message') : this.t('common.optional', { label: this.t('subscriptions.form.message') })}
        </label>
        <textarea
          id="message"
          maxlength="2000"
          .value=${draft.message}
          aria-invalid=${this.fieldError('message') ? 'true' : 'false'}
          aria-describedby=${this.fieldError('message') ? 'message-error' : nothing}
          @input=${(event: InputEvent) => (this.draft = { ...this.draft!, message: (event.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${this.renderFieldError('message')}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.isSending}>
          ${this.t(this.isSending ? 'subscriptions.form.sending' : 'subscriptions.form.send')}
        </button>
        <button type="button" ?disabled=${this.isSending} @click=${this.handleCancel}>${this.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderSelect(
    field: keyof ChangeRequestDraft,
    label: string,
    options: { value: string; label: string }[],
    selected: string,
    change: (value: string) => ChangeRequestDraft,
  ): TemplateResult {
    const error = this.fieldError(field);
    return html`<div>
      <label for=${field}>${label}</label>
      <select
        id=${field}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${field}-error` : nothing}
        @change=${(event: Event) => (this.draft = change((event.target as HTMLSelectElement).value))}
      >
        ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === selected}>${option.label}</option>`)}
      </select>
      ${this.renderFieldError(field)}
    </div>`;
  }

  private renderFieldError(field: string): TemplateResult | typeof nothing {
    const error = this.fieldError(field);
    return error ? html`<p class="field-error" id="${field}-error">${error}</p>` : nothing;
  }

  private renderRequests(view: SubscriptionsView): TemplateResult | typeof nothing {
    if (view.requests.length === 0) return nothing;
    return html`<div class="requests">
      <h3>${this.t('subscriptions.requestsTitle')}</h3>
      <ul>
        ${view.requests.map((request) => {
          const kind = this.t(`subscriptions.kind.${request.kind}`);
          return html`<li class="request" part="request">
            <span class="request-title">
              ${request.featureName ? this.t('subscriptions.request.summary', { kind, feature: request.featureName }) : kind}
              <span class="badge ${request.status}">${this.t(`subscriptions.request.${request.status}`)}</span>
            </span>
            ${request.message ? html`<span>${request.message}</span>` : nothing}
            <span class="muted">
              ${this.t('subscriptions.request.by', {
                name: request.requestedBy.name ?? request.requestedBy.sub,
                date: this.date(request.createdAt),
              })}
            </span>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private fieldError(field: string): string | undefined {
    return this.sendError instanceof PortalApiError ? this.sendError.fieldMessage(field) : undefined;
  }

  private sendErrorMessage(): string {
    const error = this.sendError;
    if (error instanceof PortalApiError && error.kind === 'conflict') return this.t('subscriptions.requestDuplicate');
    if (error instanceof PortalApiError && error.kind === 'service-unavailable') return this.t('subscriptions.requestNotSent');
    return this.errorMessage(error);
  }

  private openForm(draft: ChangeRequestDraft): void {
    this.draft = draft;
    this.sendError = undefined;
    this.focusSoon(draft.featureName ? '#message' : '#kind');
  }

  private handleCancel(): void {
    this.draft = undefined;
    this.sendError = undefined;
  }

  private async handleSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.draft || this.isSending) return;
    this.isSending = true;
    this.sendError = undefined;
    try {
      const request = await this.requireClient().requestSubscriptionChange(requestOf(this.draft));
      await this.viewTask.run();
      this.draft = undefined;
      this.announce(this.t('subscriptions.requestSent'));
      this.dispatchEvent(new PortalChangeRequestedEvent(request));
    } catch (error) {
      this.sendError = error;
      this.reportError(error);
      this.announce(this.sendErrorMessage());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.isSending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-subscriptions': PortalSubscriptions;
  }
}

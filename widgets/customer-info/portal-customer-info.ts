import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Contact, Customer } from '../../contract/customer.ts';
import { NotConfiguredError, PortalElement } from '../base/portal-element.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import type { Versioned } from '../client/portal-client.ts';
import { defineElement } from '../define.ts';
import { PortalSavedEvent } from '../events/portal-saved-event.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { addressLines } from './address-lines.ts';
import { countriesFor, postalCodeRequired, regionRequired } from './countries.ts';
import { type CustomerDraft, draftOf, newContactDraft, patchOf } from './customer-draft.ts';
import { customerInfoStyles } from './portal-customer-info.styles.ts';

type ContactField = keyof Contact;

/**
 * The account's company name, address and contacts, and its Customer Key, which support asks for.
 * Users with Customer Portal View edit and save them; a change someone else saved in between is
 * never overwritten.
 *
 * @summary My Customer Information: company, address, contacts and the Customer Key, editable.
 * @event portal-saved - The customer information was saved; `value` is the saved customer.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart card - The element's frame.
 * @csspart customer-key - The Customer Key panel.
 * @csspart copy-button - The button that copies the Customer Key.
 * @csspart edit-button - The button that opens the form.
 * @csspart form - The edit form.
 * @csspart save-button - The form's save button.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalCustomerInfo extends PortalElement {
  static define(tag = 'portal-customer-info', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  static override styles = [baseStyles, customerInfoStyles];

  @state() private draft?: CustomerDraft;
  @state() private saveError?: unknown;
  @state() private isSaving = false;

  private customerTask = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) throw new NotConfiguredError();
      return client.getCustomer({ signal });
    },
    args: () => [this.client] as const,
    onError: (error) => this.reportError(error),
  });

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="title">
      ${this.customerTask.render({
        pending: () => (this.customerTask.value ? this.renderLoaded(this.customerTask.value) : this.renderLoading()),
        complete: (loaded) => this.renderLoaded(loaded),
        error: (error) => html`${this.renderHeader(false)}${this.renderError(error, () => this.customerTask.run())}`,
        initial: () => this.renderLoading(),
      })}
      ${this.renderLiveRegion()}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return html`${this.renderHeader(false)}${this.renderSkeleton(6)}`;
  }

  private renderHeader(canEdit: boolean): TemplateResult {
    return html`<div class="card-header">
      <h2 id="title">${this.t(this.draft ? 'customerInfo.editTitle' : 'customerInfo.title')}</h2>
      ${canEdit && !this.draft
        ? html`<button type="button" part="edit-button" @click=${this.handleEdit}>${this.t('common.edit')}</button>`
        : nothing}
    </div>`;
  }

  private renderLoaded({ data: customer }: Versioned<Customer>): TemplateResult {
    return html`${this.renderHeader(true)}${this.renderCustomerKey(customer.customerKey)}
    ${this.draft ? this.renderForm(this.draft) : this.renderView(customer)}`;
  }

  private renderCustomerKey(customerKey: string): TemplateResult {
    return html`<div class="key-panel" part="customer-key">
      <span class="key-label" id="key-label">${this.t('customerInfo.customerKey')}</span>
      <div class="key-row">
        <span class="key" dir="ltr" aria-labelledby="key-label">${customerKey}</span>
        <button type="button" part="copy-button" @click=${() => this.handleCopy(customerKey)}>
          ${this.t('customerInfo.copyKey')}
        </button>
      </div>
      <p class="muted">${this.t('customerInfo.customerKeyHint')}</p>
    </div>`;
  }

  private renderView(customer: Customer): TemplateResult {
    const { address } = customer;
    return html`<div class="sections">
      <div>
        <h3>${this.t('customerInfo.companyName')}</h3>
        <p><bdi>${customer.companyName}</bdi></p>
      </div>
      <div>
        <h3>${this.t('customerInfo.address')}</h3>
        ${address
          ? html`<address>${addressLines(address, this.countryName(address.country)).map((line, index) => html`${index > 0 ? html`<br />` : nothing}<bdi>${line}</bdi>`)}</address>`
          : html`<p class="muted">${this.t('customerInfo.noAddress')}</p>`}
      </div>
      <div>
        <h3>${this.t('customerInfo.billingContact')}</h3>
        ${customer.billingContact
          ? this.renderContact(customer.billingContact)
          : html`<p class="muted">${this.t('customerInfo.noBillingContact')}</p>`}
      </div>
      <div>
        <h3>${this.t('customerInfo.otherContacts')}</h3>
        ${customer.contacts.length > 0
          ? customer.contacts.map((contact) => this.renderContact(contact))
          : html`<p class="muted">${this.t('customerInfo.noOtherContacts')}</p>`}
      </div>
    </div>`;
  }

  private countryName(code: string): string {
    return countriesFor(this.effectiveLocale).find((country) => country.code === code)?.name ?? code;
  }

  private renderContact(contact: Contact): TemplateResult {
    return html`<address class="contact">
      <bdi>${contact.name}</bdi><br />
      <a href="mailto:${contact.email}" dir="ltr">${contact.email}</a>
      ${contact.phone ? html`<br /><a href="tel:${contact.phone.replace(/[^+\d]/g, '')}" dir="ltr">${contact.phone}</a>` : nothing}
    </address>`;
  }

  private renderForm(draft: CustomerDraft): TemplateResult {
    return html`<form part="form" novalidate @submit=${this.handleSave}>
      ${this.renderSaveProblem()}
      ${this.renderField('companyName', 'customerInfo.companyName', draft.companyName, (current, value) => ({ ...current, companyName: value }), {
        autocomplete: 'organization',
        wide: true,
      })}
      <fieldset>
        <legend>${this.t('customerInfo.address')}</legend>
        <div class="fields">
          ${this.renderCountrySelect(draft)}
          ${this.renderAddressField(draft, 'line1', 'customerInfo.line1', { autocomplete: 'address-line1', wide: true })}
          ${this.renderAddressField(draft, 'line2', 'customerInfo.line2', { autocomplete: 'address-line2', wide: true, isOptional: true })}
          ${this.localityFields(draft)}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('customerInfo.billingContact')}</legend>
        <div class="fields">
          ${this.renderContactFields(draft.billingContact, 'billingContact', (current, field, value) => ({
            ...current,
            billingContact: { ...current.billingContact, [field]: value },
          }))}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('customerInfo.otherContacts')}</legend>
        ${draft.contacts.map(
          (contact, index) => html`<div class="contact-row">
            <div class="contact-row-header">
              <h3>${this.t('customerInfo.contactNumber', { number: index + 1 })}</h3>
              <button type="button" class="link" @click=${() => this.updateDraft((current) => ({ ...current, contacts: current.contacts.filter((_, at) => at !== index) }))}>
                ${this.t('customerInfo.removeContact', { number: index + 1 })}
              </button>
            </div>
            <div class="fields">
              ${this.renderContactFields(contact, `contacts.${index}`, (current, field, value) => ({
                ...current,
                contacts: current.contacts.map((existing, at) => (at === index ? { ...existing, [field]: value } : existing)),
              }))}
            </div>
          </div>`,
        )}
        <p class="add-contact">
          <button type="button" @click=${() => this.updateDraft((current) => ({ ...current, contacts: [...current.contacts, newContactDraft()] }))}>
            ${this.t('customerInfo.addContact')}
          </button>
        </p>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" part="save-button" ?disabled=${this.isSaving}>
          ${this.t(this.isSaving ? 'common.saving' : 'common.save')}
        </button>
        <button type="button" ?disabled=${this.isSaving} @click=${this.handleCancel}>${this.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderSaveProblem(): TemplateResult | typeof nothing {
    const error = this.saveError;
    if (!error) return nothing;
    if (error instanceof PortalApiError && error.kind === 'precondition-failed') {
      return html`<div class="banner error">
        <p>${this.t('customerInfo.conflict')}</p>
        <p><button type="button" @click=${this.handleReload}>${this.t('common.reload')}</button></p>
      </div>`;
    }
    return html`<div class="banner error"><p>${this.errorMessage(error)}</p></div>`;
  }

  /** Postal code, city and region, in the order the country writes them. */
  private localityFields(draft: CustomerDraft): TemplateResult[] {
    const country = draft.address.country;
    const postalCode = this.renderAddressField(draft, 'postalCode', this.postalCodeLabel(country), {
      autocomplete: 'postal-code',
      isOptional: !postalCodeRequired.has(country),
    });
    const city = this.renderAddressField(draft, 'city', 'customerInfo.city', { autocomplete: 'address-level2' });
    const region = this.renderAddressField(draft, 'region', this.regionLabel(country), {
      autocomplete: 'address-level1',
      isOptional: !regionRequired.has(country),
    });
    return regionRequired.has(country) ? [city, region, postalCode] : [postalCode, city, region];
  }

  private regionLabel(country: string): MessageKey {
    return country === 'US' || country === 'CA' || country === 'AU' ? `customerInfo.region.${country}` : 'customerInfo.region';
  }

  private postalCodeLabel(country: string): MessageKey {
    return country === 'US' || country === 'GB' ? `customerInfo.postalCode.${country}` : 'customerInfo.postalCode';
  }

  private renderCountrySelect(draft: CustomerDraft): TemplateResult {
    const error = this.fieldError('address.country');
    return html`<div class="field wide">
      <label for="address.country">${this.t('customerInfo.country')}</label>
      <select
        id="address.country"
        autocomplete="country"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'address.country-error' : nothing}
        @change=${(event: Event) => {
          const country = (event.target as HTMLSelectElement).value;
          this.updateDraft((current) => ({ ...current, address: { ...current.address, country } }));
        }}
      >
        <option value="" ?selected=${draft.address.country === ''}></option>
        ${countriesFor(this.effectiveLocale).map(
          ({ code, name }) => html`<option value=${code} ?selected=${code === draft.address.country}>${name}</option>`,
        )}
      </select>
      ${error ? html`<p class="field-error" id="address.country-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderAddressField(
    draft: CustomerDraft,
    field: keyof CustomerDraft['address'],
    label: MessageKey,
    options: FieldOptions,
  ): TemplateResult {
    return this.renderField(
      `address.${field}`,
      label,
      draft.address[field],
      (current, value) => ({ ...current, address: { ...current.address, [field]: value } }),
      options,
    );
  }

  private renderContactFields(
    contact: Record<ContactField, string>,
    path: string,
    change: (current: CustomerDraft, field: ContactField, value: string) => CustomerDraft,
  ): TemplateResult[] {
    const fields: [ContactField, MessageKey, FieldOptions][] = [
      ['name', 'customerInfo.contactName', { autocomplete: 'name' }],
      ['email', 'customerInfo.contactEmail', { autocomplete: 'email', type: 'email' }],
      ['phone', 'customerInfo.contactPhone', { autocomplete: 'tel', type: 'tel', isOptional: true }],
    ];
    return fields.map(([field, label, options]) =>
      this.renderField(`${path}.${field}`, label, contact[field], (current, value) => change(current, field, value), options),
    );
  }

  /** A labelled input whose id is the server's field path, so its error lands beside it. */
  private renderField(
    path: string,
    label: MessageKey,
    value: string,
    change: (current: CustomerDraft, value: string) => CustomerDraft,
    options: FieldOptions = {},
  ): TemplateResult {
    const error = this.fieldError(path);
    const text = this.t(label);
    return html`<div class="field ${options.wide ? 'wide' : ''}">
      <label for=${path}>${options.isOptional ? this.t('common.optional', { label: text }) : text}</label>
      <input
        id=${path}
        type=${options.type ?? 'text'}
        .value=${value}
        autocomplete=${options.autocomplete ?? 'off'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${path}-error` : nothing}
        @input=${(event: InputEvent) => {
          const typed = (event.target as HTMLInputElement).value;
          this.updateDraft((current) => change(current, typed));
        }}
      />
      ${error ? html`<p class="field-error" id="${path}-error">${error}</p>` : nothing}
    </div>`;
  }

  private fieldError(path: string): string | undefined {
    return this.saveError instanceof PortalApiError ? this.saveError.fieldMessage(path) : undefined;
  }

  /** Changes are applied to the draft as it is now, not as last rendered: autofill fires many inputs between renders. */
  private updateDraft(change: (current: CustomerDraft) => CustomerDraft): void {
    if (this.draft) this.draft = change(this.draft);
  }

  private handleEdit(): void {
    const loaded = this.customerTask.value;
    if (!loaded) return;
    this.draft = draftOf(loaded.data);
    this.saveError = undefined;
    this.focusSoon('input');
  }

  private handleCancel(): void {
    this.draft = undefined;
    this.saveError = undefined;
    this.focusSoon('[part="edit-button"]');
  }

  private async handleReload(): Promise<void> {
    this.draft = undefined;
    this.saveError = undefined;
    await this.customerTask.run();
  }

  private async handleSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const loaded = this.customerTask.value;
    if (!this.draft || !loaded || this.isSaving) return;
    this.isSaving = true;
    this.saveError = undefined;
    try {
      const saved = await this.requireClient().updateCustomer(patchOf(this.draft), loaded.etag);
      // The form stays (saving) until the saved version is loaded, so stale data never flashes.
      await this.customerTask.run();
      this.draft = undefined;
      this.announce(this.t('customerInfo.saved'));
      this.dispatchEvent(new PortalSavedEvent('customer', saved.data));
    } catch (error) {
      this.saveError = error;
      this.reportError(error);
      this.announce(error instanceof PortalApiError && error.kind === 'precondition-failed' ? this.t('customerInfo.conflict') : this.errorMessage(error));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.isSaving = false;
    }
  }

  private async handleCopy(customerKey: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(customerKey);
      this.announce(this.t('customerInfo.keyCopied'));
    } catch {
      this.announce(this.t('customerInfo.keyCopyFailed'));
    }
  }
}

interface FieldOptions {
  autocomplete?: string;
  type?: 'text' | 'email' | 'tel';
  wide?: boolean;
  isOptional?: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-customer-info': PortalCustomerInfo;
  }
}

import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AccessUser } from '../../contract/access.ts';
import type { Me } from '../../contract/me.ts';
import { NotConfiguredError, PortalElement } from '../base/portal-element.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import { defineElement } from '../define.ts';
import { PortalAccessChangedEvent } from '../events/portal-access-changed-event.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { accessStyles } from './portal-access.styles.ts';

interface AccessList {
  users: AccessUser[];
  me: Me;
}

/** A change the server refused, shown in the row of the user it was for. */
interface ChangeProblem {
  sub: string;
  error: unknown;
}

const displayName = (user: AccessUser): string => user.name ?? user.email ?? user.sub;

/**
 * The account's users and who among them holds Customer Portal View, with a switch per user to
 * give or remove it. The Site Admin always holds it, so their row has no switch and says why;
 * removing your own access asks first, as you would lose this page.
 *
 * @summary Customer Portal access: who holds Customer Portal View; give or remove it.
 * @event portal-access-changed - Access was given or removed; `sub` and `hasPortalAccess` say for whom and what.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart card - The element's frame.
 * @csspart intro - What the permission allows.
 * @csspart table - The table of users.
 * @csspart row - One user's row.
 * @csspart site-admin-badge - The badge on the Site Admin's row.
 * @csspart site-admin-note - Why the Site Admin's access cannot be removed.
 * @csspart switch - The switch that gives or removes a user's access.
 * @csspart confirm - The question asked before you remove your own access.
 * @csspart row-error - Why a change in that row failed.
 * @csspart empty - Said when nobody but the Site Admin has signed in yet, with a refresh.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalAccess extends PortalElement {
  static define(tag = 'portal-access', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  static override styles = [baseStyles, accessStyles];

  /** The user whose access is being changed, until the server has answered and the list is read again. */
  @state() private changingSub?: string;
  @state() private isConfirmingOwnRevoke = false;
  @state() private changeProblem?: ChangeProblem;

  private accessTask = new Task(this, {
    task: async ([client], { signal }): Promise<AccessList> => {
      if (!client) throw new NotConfiguredError();
      const [list, me] = await Promise.all([client.listAccessUsers({ signal }), client.getMe({ signal })]);
      return { users: list.data, me };
    },
    args: () => [this.client] as const,
    onError: (error) => this.reportError(error),
  });

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="title">
      <div class="card-header"><h2 id="title">${this.t('access.title')}</h2></div>
      <p class="intro" part="intro">${this.t('access.intro')}</p>
      ${this.accessTask.render({
        pending: () => (this.accessTask.value ? this.renderList(this.accessTask.value) : this.renderLoading()),
        complete: (list) => this.renderList(list),
        error: (error) => this.renderError(error, () => this.accessTask.run()),
        initial: () => this.renderLoading(),
      })}
      ${this.renderLiveRegion()}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return this.renderSkeleton(9);
  }

  private renderList({ users, me }: AccessList): TemplateResult {
    const isEmpty = users.every((user) => user.isSiteAdmin);
    return html`<table part="table">
        <thead>
          <tr>
            <th scope="col">${this.t('access.user')}</th>
            <th scope="col">${this.t('access.permission')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            users,
            (user) => user.sub,
            (user, index) => this.renderRow(user, index, user.sub === me.sub),
          )}
        </tbody>
      </table>
      ${isEmpty
        ? html`<div class="state empty" part="empty">
            <p>${this.t('access.empty')}</p>
            <button type="button" @click=${() => this.accessTask.run()}>${this.t('access.refresh')}</button>
          </div>`
        : nothing}`;
  }

  /** The user's row, and below it, across the table, the question about your own access or why a change failed. */
  private renderRow(user: AccessUser, index: number, isMe: boolean): TemplateResult {
    const problem = this.changeProblem?.sub === user.sub ? this.changeProblem : undefined;
    const isConfirming = isMe && this.isConfirmingOwnRevoke;
    return html`<tr part="row">
      <th scope="row">
        <div class="who">
          <span class="name">${displayName(user)}</span>
          ${isMe ? html`<span class="you">${this.t('access.you')}</span>` : nothing}
          ${user.isSiteAdmin ? html`<span class="badge" part="site-admin-badge">${this.t('access.siteAdmin')}</span>` : nothing}
        </div>
        ${user.name && user.email ? html`<div class="email">${this.renderEmail(user.email)}</div>` : nothing}
      </th>
      <td>${user.isSiteAdmin ? this.renderSiteAdminAccess() : this.renderSwitch(user, index, isMe, problem !== undefined)}</td>
    </tr>
    ${isConfirming || problem
      ? html`<tr class="follow-up">
          <td colspan="2">
            ${isConfirming ? this.renderConfirm(user) : nothing}
            ${problem ? html`<p class="row-error" part="row-error" id="problem-${index}">${this.changeErrorMessage(problem.error)}</p>` : nothing}
          </td>
        </tr>`
      : nothing}`;
  }

  /** On narrow screens an address breaks before its @ rather than anywhere. */
  private renderEmail(email: string): TemplateResult {
    const at = email.lastIndexOf('@');
    return at > 0 ? html`${email.slice(0, at)}<wbr />${email.slice(at)}` : html`${email}`;
  }

  private renderSiteAdminAccess(): TemplateResult {
    return html`<div class="status">
        <svg class="lock" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z" />
        </svg>
        <span>${this.t('access.hasAccess')}</span>
      </div>
      <p class="detail" part="site-admin-note">${this.t('access.siteAdminNote')}</p>`;
  }

  private renderSwitch(user: AccessUser, index: number, isMe: boolean, hasProblem: boolean): TemplateResult {
    const stateText = this.changingSub === user.sub ? 'common.saving' : user.hasPortalAccess ? 'access.hasAccess' : 'access.noAccess';
    return html`<div class="status">
        <button
          type="button"
          role="switch"
          part="switch"
          id=${isMe ? 'own-switch' : nothing}
          aria-checked=${user.hasPortalAccess ? 'true' : 'false'}
          aria-label=${this.t('access.switchLabel', { name: displayName(user) })}
          aria-disabled=${this.changingSub ? 'true' : nothing}
          aria-describedby=${hasProblem ? `problem-${index}` : nothing}
          @click=${() => this.handleToggle(user, isMe)}
        >
          <span class="thumb"></span>
        </button>
        <span>${this.t(stateText)}</span>
      </div>
      ${this.renderGrant(user)}`;
  }

  private renderGrant(user: AccessUser): TemplateResult | typeof nothing {
    if (!user.hasPortalAccess || !user.grantedAt) return nothing;
    const date = this.date(user.grantedAt);
    return html`<p class="detail">
      ${user.grantedBy ? this.t('access.givenByOn', { name: user.grantedBy, date }) : this.t('access.givenOn', { date })}
    </p>`;
  }

  private renderConfirm(user: AccessUser): TemplateResult {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question">${this.t('access.confirmSelfRevoke')}</p>
      <div class="actions">
        <button type="button" class="danger" @click=${() => this.handleConfirmOwnRevoke(user)}>${this.t('access.removeMine')}</button>
        <button type="button" @click=${this.handleCancelOwnRevoke}>${this.t('common.cancel')}</button>
      </div>
    </div>`;
  }

  private changeErrorMessage(error: unknown): string {
    // The server refuses a change to the Site Admin with a conflict; a stale list is the only way to ask for one.
    return error instanceof PortalApiError && error.kind === 'conflict' ? this.t('access.siteAdminNote') : this.errorMessage(error);
  }

  private focusOwnSwitch(): void {
    this.focusSoon('#own-switch');
  }

  private handleToggle(user: AccessUser, isMe: boolean): void {
    if (this.changingSub) return;
    if (isMe && user.hasPortalAccess) {
      this.isConfirmingOwnRevoke = true;
      this.changeProblem = undefined;
      this.focusSoon('[part="confirm"] button');
      return;
    }
    void this.changeAccess(user, !user.hasPortalAccess);
  }

  private handleConfirmOwnRevoke(user: AccessUser): void {
    void this.changeAccess(user, false);
    this.focusOwnSwitch();
  }

  private handleCancelOwnRevoke(): void {
    this.isConfirmingOwnRevoke = false;
    this.focusOwnSwitch();
  }

  private async changeAccess(user: AccessUser, hasPortalAccess: boolean): Promise<void> {
    this.changingSub = user.sub;
    this.isConfirmingOwnRevoke = false;
    this.changeProblem = undefined;
    try {
      await this.requireClient().setPortalAccess(user.sub, { portalAccess: hasPortalAccess });
    } catch (error) {
      // A refusal means the list on screen is out of date (say, that user became the Site Admin).
      if (error instanceof PortalApiError && error.kind === 'conflict') await this.accessTask.run();
      this.changingSub = undefined;
      this.changeProblem = { sub: user.sub, error };
      this.reportError(error);
      this.announce(this.changeErrorMessage(error));
      return;
    }
    // Read again rather than patched, so who gave access and when are the server's.
    await this.accessTask.run();
    this.changingSub = undefined;
    this.announce(this.t(hasPortalAccess ? 'access.given' : 'access.removed', { name: displayName(user) }));
    this.dispatchEvent(new PortalAccessChangedEvent(user.sub, hasPortalAccess));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-access': PortalAccess;
  }
}

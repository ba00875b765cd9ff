import { html } from 'hono/html';
import type { OutboxMessage } from '../outbox-reader.ts';

const timeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** The emails the portal sent (its embedded outbox), newest first, each opening to its text. */
export const outboxPage = (messages: OutboxMessage[], folder: string) =>
  html`<h1>Outbox</h1>
    <p class="lead">
      The portal sends its email (invoices, receipts, reminders and overdue notices) to this outbox instead of a mail
      server while <code>PORTAL_SMTP_URL</code> is unset. Each message is also an <code>.eml</code> file in
      <code>${folder}</code>.
    </p>
    ${messages.length === 0
      ? html`<p class="card">No messages yet.</p>`
      : html`<ol class="outbox">
          ${messages.map(
            (message) => html`<li class="card">
              <details>
                <summary>
                  <span class="subject">${message.subject}</span>
                  <span class="meta">To ${message.to} · <time datetime="${message.sentAt.toISOString()}">${timeFormat.format(message.sentAt)} UTC</time></span>
                  ${message.attachments.length > 0 ? html`<span class="meta">Attached: ${message.attachments.join(', ')}</span>` : ''}
                </summary>
                <pre>${message.text}</pre>
              </details>
            </li>`,
          )}
        </ol>`}`;

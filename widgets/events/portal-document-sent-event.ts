import type { DocumentSent } from '../../contract/document-delivery.ts';

/** Fired after an invoice or a transaction's receipt was emailed; `to` says to whom the server sent it. */
export class PortalDocumentSentEvent extends Event {
  static readonly eventName = 'portal-document-sent';
  /** The history the document is from. */
  readonly list: 'invoices' | 'transactions';
  /** The invoice's or the transaction's id. */
  readonly id: string;
  readonly to: string[];
  readonly sentAt: string;

  constructor(list: 'invoices' | 'transactions', id: string, sent: DocumentSent) {
    super(PortalDocumentSentEvent.eventName, { bubbles: true, composed: true });
    this.list = list;
    this.id = id;
    this.to = sent.to;
    this.sentAt = sent.sentAt;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-document-sent': PortalDocumentSentEvent;
  }
}

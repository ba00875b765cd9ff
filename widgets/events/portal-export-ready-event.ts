import type { ExportFormat } from '../../contract/common.ts';

/** Fired once an export of a whole (filtered) history list was made and handed to the browser's downloads. */
export class PortalExportReadyEvent extends Event {
  static readonly eventName = 'portal-export-ready';
  readonly list: 'invoices' | 'transactions';
  readonly format: ExportFormat;
  /** The name the server gave the file, e.g. "acme-invoices-2026-11-27.xlsx". */
  readonly fileName: string;

  constructor(list: 'invoices' | 'transactions', format: ExportFormat, fileName: string) {
    super(PortalExportReadyEvent.eventName, { bubbles: true, composed: true });
    this.list = list;
    this.format = format;
    this.fileName = fileName;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-export-ready': PortalExportReadyEvent;
  }
}

/** How a list export describes its columns once, for both the PDF and the spreadsheet. */

export type CellKind = 'text' | 'date' | 'datetime' | 'money';

export interface ExportColumn<Row> {
  header: string;
  kind: CellKind;
  /** Width in characters in the spreadsheet; the PDF shares out the page width in the same proportions. */
  width: number;
  /**
   * text: the text (null for an empty cell); date: "YYYY-MM-DD"; datetime: an ISO instant (shown in
   * UTC); money: integer minor units of the account's currency.
   */
  value: (row: Row) => string | number | null;
}

/** Who and what an export is about: named in its title block, footer and file. */
export interface ExportContext {
  customer: { id: string; companyName: string; customerKey: string };
  currency: string;
  locale: string;
  vendorName: string;
  generatedAt: Date;
  /** The filters in words, e.g. "Status: paid · Issued 2026-01-01 to 2026-06-30"; empty for the whole list. */
  filters: string;
}

export interface ListExport<Row> {
  /** "Invoices", "Transactions": the document's title and the sheet's name. */
  title: string;
  columns: ExportColumn<Row>[];
  orientation: 'portrait' | 'landscape';
  emptyMessage: string;
}

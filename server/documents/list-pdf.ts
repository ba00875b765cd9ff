import type { jsPDF } from 'jspdf';
import type { ExportColumn, ExportContext, ListExport } from './export-columns.ts';
import { dateFormatter, moneyFormatter } from './format.ts';
import { newPdf, numberPages, pdfBytes, pdfStyle } from './pdf-page.ts';
import { drawTable } from './pdf-table.ts';
import { toWinAnsi } from './pdf-text.ts';

type CellText = (value: string | number | null) => string;

function cellText<Row>(column: ExportColumn<Row>, context: ExportContext): CellText {
  switch (column.kind) {
    case 'text':
      return (value) => (value === null ? '' : String(value));
    case 'date': {
      const date = dateFormatter(context.locale);
      return (value) => (value === null ? '' : date(String(value)));
    }
    case 'datetime':
      // Sortable and unambiguous in a dense table; the column header says the time zone.
      return (value) => (value === null ? '' : String(value).slice(0, 16).replace('T', ' '));
    case 'money': {
      const money = moneyFormatter(context.currency, context.locale);
      return (value) => (value === null ? '' : money(Number(value)));
    }
  }
}

/** Title, account and filters on the first page; answers where the table starts. */
function drawTitleBlock(doc: jsPDF, title: string, context: ExportContext): number {
  const { margin } = pdfStyle;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(16);
  doc.text(toWinAnsi(title), margin, margin + 12);
  doc.setFontSize(10);
  doc.text(toWinAnsi(context.customer.companyName), margin, margin + 32);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(pdfStyle.fontSize + 1);
  doc.setTextColor(...pdfStyle.muted);
  const generated = dateFormatter(context.locale)(context.generatedAt.toISOString());
  doc.text(toWinAnsi(`Customer Key ${context.customer.customerKey} · Generated ${generated}`), margin, margin + 46);
  doc.text(toWinAnsi(context.filters || `All ${title.toLowerCase()}`), margin, margin + 58);
  doc.setTextColor(0);
  doc.setFontSize(pdfStyle.fontSize);
  return margin + 70;
}

function drawRunningHead(doc: jsPDF, title: string, context: ExportContext): number {
  doc.setFontSize(pdfStyle.fontSize);
  doc.setTextColor(...pdfStyle.muted);
  doc.text(toWinAnsi(`${title} · ${context.customer.companyName} · ${context.customer.customerKey}`), pdfStyle.margin, pdfStyle.margin);
  doc.setTextColor(0);
  return pdfStyle.margin + 8;
}

/** The whole list as a PDF: a title block, then a striped table with its header on every page, numbered pages. */
export async function renderListPdf<Row>(spec: ListExport<Row>, context: ExportContext, batches: AsyncIterable<Row[]>): Promise<Buffer> {
  const doc = await newPdf(spec.orientation, {
    title: `${spec.title}: ${context.customer.companyName}`,
    author: context.vendorName,
    createdAt: context.generatedAt,
  });
  const texts = spec.columns.map((column) => cellText(column, context));
  async function* cells() {
    for await (const batch of batches) {
      yield batch.map((row) => spec.columns.map((column, index) => texts[index]!(column.value(row))));
    }
  }
  await drawTable(
    doc,
    {
      columns: spec.columns.map((column) => ({ header: column.header, weight: column.width, align: column.kind === 'money' ? 'right' : 'left' })),
      firstTop: drawTitleBlock(doc, spec.title, context),
      continuationHead: (page) => drawRunningHead(page, spec.title, context),
      emptyMessage: spec.emptyMessage,
    },
    cells(),
  );
  numberPages(doc, `${context.vendorName} · ${spec.title} of ${context.customer.companyName}`);
  return pdfBytes(doc);
}

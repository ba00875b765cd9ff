import type { jsPDF } from 'jspdf';
import type { InvoiceDetail } from '../../contract/invoice.ts';
import { dateFormatter, moneyFormatter } from './format.ts';
import { invoiceStatusLabel } from './labels.ts';
import { newPdf, numberPages, pageHeight, pageWidth, pdfBytes, pdfStyle } from './pdf-page.ts';
import { drawHeaderRow, type PdfColumn } from './pdf-table.ts';
import { fitText, toWinAnsi } from './pdf-text.ts';

/** Everything an invoice document shows. */
export interface InvoiceDocument {
  vendor: { name: string; addressLines: string[] };
  customer: {
    companyName: string;
    addressLines: string[];
    customerKey: string;
    billingContact: { name: string; email: string } | null;
  };
  invoice: InvoiceDetail;
  /** From the account's subscription; null when it has none. */
  paymentTerms: string | null;
  locale: string;
  createdAt: Date;
}

const lineColumns: PdfColumn[] = [
  { header: 'Description', weight: 52, align: 'left' },
  { header: 'Quantity', weight: 12, align: 'right' },
  { header: 'Unit price', weight: 18, align: 'right' },
  { header: 'Amount', weight: 18, align: 'right' },
];

const lineHeight = 11;

function drawParties(doc: jsPDF, document: InvoiceDocument, date: (value: string) => string): number {
  const { margin } = pdfStyle;
  const right = pageWidth(doc) - margin;
  const { invoice } = document;

  doc.setFont('helvetica', 'bold');
  doc.setFontSize(14);
  doc.text(toWinAnsi(document.vendor.name), margin, margin + 10);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  doc.setTextColor(...pdfStyle.muted);
  document.vendor.addressLines.forEach((line, index) => doc.text(toWinAnsi(line), margin, margin + 26 + index * lineHeight));

  doc.setTextColor(...pdfStyle.accent);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(22);
  doc.text('INVOICE', right, margin + 14, { align: 'right' });
  doc.setFontSize(9);
  const facts: [string, string][] = [
    ['Invoice number', invoice.number],
    ['Issue date', date(invoice.issuedAt)],
    ['Due date', date(invoice.dueAt)],
    ['Status', invoiceStatusLabel(invoice)],
  ];
  facts.forEach(([label, value], index) => {
    const baseline = margin + 34 + index * lineHeight;
    doc.setFont('helvetica', 'normal');
    doc.setTextColor(...pdfStyle.muted);
    doc.text(label, right - 170, baseline);
    doc.setFont('helvetica', 'bold');
    doc.setTextColor(0);
    doc.text(fitText(doc, value, 100), right, baseline, { align: 'right' });
  });

  const billTo = margin + 34 + Math.max(document.vendor.addressLines.length, facts.length) * lineHeight + 24;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(8);
  doc.setTextColor(...pdfStyle.muted);
  doc.text('BILL TO', margin, billTo);
  doc.setTextColor(0);
  doc.setFontSize(11);
  doc.text(toWinAnsi(document.customer.companyName), margin, billTo + 14);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  const customerLines = [
    ...document.customer.addressLines,
    ...(document.customer.billingContact ? [`${document.customer.billingContact.name} <${document.customer.billingContact.email}>`] : []),
    `Customer Key: ${document.customer.customerKey}`,
  ];
  customerLines.forEach((line, index) => doc.text(toWinAnsi(line), margin, billTo + 28 + index * lineHeight));
  return billTo + 28 + customerLines.length * lineHeight + 16;
}

/** The lines table, descriptions wrapped, its header repeated on each page it runs onto; answers where it ends. */
function drawLines(doc: jsPDF, document: InvoiceDocument, top: number, money: (minorUnits: number) => string): number {
  const { margin, cellPadding, rowHeight } = pdfStyle;
  const tableWidth = pageWidth(doc) - 2 * margin;
  const totalWeight = lineColumns.reduce((sum, column) => sum + column.weight, 0);
  const widths = lineColumns.map((column) => (column.weight / totalWeight) * tableWidth);
  const rights = widths.map((_, index) => margin + widths.slice(0, index + 1).reduce((sum, width) => sum + width, 0) - cellPadding);
  const bottom = pageHeight(doc) - margin - 20;

  drawHeaderRow(doc, lineColumns, top);
  let y = top + rowHeight;
  doc.setFontSize(9);
  document.invoice.lines.forEach((line, index) => {
    const description = doc.splitTextToSize(toWinAnsi(line.description), widths[0]! - 2 * cellPadding) as string[];
    const height = Math.max(rowHeight, description.length * lineHeight + 4);
    if (y + height > bottom) {
      doc.addPage();
      drawHeaderRow(doc, lineColumns, margin);
      y = margin + rowHeight;
      doc.setFontSize(9);
    }
    if (index % 2 === 1) {
      doc.setFillColor(...pdfStyle.stripe);
      doc.rect(margin, y, tableWidth, height, 'F');
    }
    const baseline = y + 10;
    doc.text(description, margin + cellPadding, baseline, { lineHeightFactor: lineHeight / 9 });
    doc.text(String(line.quantity), rights[1]!, baseline, { align: 'right' });
    doc.text(toWinAnsi(money(line.unitAmount)), rights[2]!, baseline, { align: 'right' });
    doc.text(toWinAnsi(money(line.amount)), rights[3]!, baseline, { align: 'right' });
    y += height;
  });
  doc.setDrawColor(...pdfStyle.accent);
  doc.line(margin, y, pageWidth(doc) - margin, y);
  return y;
}

function drawTotalsAndTerms(doc: jsPDF, document: InvoiceDocument, top: number, money: (minorUnits: number) => string, date: (value: string) => string) {
  const { margin } = pdfStyle;
  const { invoice } = document;
  const right = pageWidth(doc) - margin;
  const totals: [string, number, boolean][] = [
    ['Subtotal', invoice.subtotal, false],
    ['Tax', invoice.tax, false],
    ['Total', invoice.total, true],
    ['Amount paid', invoice.amountPaid, false],
    ['Amount due', invoice.amountDue, true],
  ];
  const height = totals.length * 14 + 40;
  let y = top + 18;
  if (y + height > pageHeight(doc) - margin - 20) {
    doc.addPage();
    y = margin + 10;
  }
  doc.setFontSize(10);
  totals.forEach(([label, amount, isStrong], index) => {
    const baseline = y + index * 14;
    doc.setFont('helvetica', isStrong ? 'bold' : 'normal');
    if (isStrong) doc.setTextColor(...pdfStyle.accent);
    else doc.setTextColor(0);
    doc.text(label, right - 170, baseline);
    doc.text(toWinAnsi(money(amount)), right, baseline, { align: 'right' });
  });
  doc.setTextColor(0);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(9);
  doc.text('Payment terms', margin, y);
  doc.setFont('helvetica', 'normal');
  const terms = [
    document.paymentTerms ? `${document.paymentTerms}, due ${date(invoice.dueAt)}` : `Due ${date(invoice.dueAt)}`,
    `Status: ${invoiceStatusLabel(invoice)}`,
    invoice.amountDue > 0 ? `Please pay ${money(invoice.amountDue)} by ${date(invoice.dueAt)}, quoting ${invoice.number}.` : 'Nothing is due on this invoice.',
  ];
  terms.forEach((line, index) => doc.text(toWinAnsi(line), margin, y + 14 + index * lineHeight));
}

/** The invoice as a PDF: vendor and customer blocks, the lines, totals, status and payment terms. */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { invoice } = document;
  const money = moneyFormatter(invoice.currency, document.locale);
  const date = dateFormatter(document.locale);
  const doc = await newPdf('portrait', {
    title: `Invoice ${invoice.number}`,
    author: document.vendor.name,
    createdAt: document.createdAt,
  });
  const linesTop = drawParties(doc, document, date);
  const linesEnd = drawLines(doc, document, linesTop, money);
  drawTotalsAndTerms(doc, document, linesEnd, money, date);
  numberPages(doc, `${document.vendor.name} · Invoice ${invoice.number} · ${document.customer.companyName}`);
  return pdfBytes(doc);
}

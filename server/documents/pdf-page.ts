import type { jsPDF } from 'jspdf';
import { toWinAnsi } from './pdf-text.ts';

/** The look every portal PDF shares: A4, points, Helvetica, one accent colour. */
export const pdfStyle = {
  margin: 40,
  fontSize: 8,
  rowHeight: 14,
  cellPadding: 4,
  accent: [31, 78, 121] as const,
  stripe: [240, 244, 248] as const,
  muted: [96, 96, 96] as const,
};

export interface PdfProperties {
  title: string;
  author: string;
  createdAt: Date;
}

/**
 * A new A4 document. jspdf is loaded on first use, so a server that never makes a PDF never pays
 * for it in start-up time or memory.
 */
export async function newPdf(orientation: 'portrait' | 'landscape', properties: PdfProperties): Promise<jsPDF> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ orientation, unit: 'pt', format: 'a4', compress: true });
  doc.setProperties({ title: toWinAnsi(properties.title), author: toWinAnsi(properties.author), creator: 'Customer Portal' });
  doc.setCreationDate(properties.createdAt);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(pdfStyle.fontSize);
  return doc;
}

export const pageWidth = (doc: jsPDF): number => doc.internal.pageSize.getWidth();
export const pageHeight = (doc: jsPDF): number => doc.internal.pageSize.getHeight();

/** Writes "Page n of m" at the foot of every page, with `footer` on the left. */
export function numberPages(doc: jsPDF, footer: string): void {
  const pages = doc.getNumberOfPages();
  const baseline = pageHeight(doc) - pdfStyle.margin / 2;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(pdfStyle.fontSize);
  doc.setTextColor(...pdfStyle.muted);
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.text(toWinAnsi(footer), pdfStyle.margin, baseline);
    doc.text(`Page ${page} of ${pages}`, pageWidth(doc) - pdfStyle.margin, baseline, { align: 'right' });
  }
  doc.setTextColor(0);
}

export const pdfBytes = (doc: jsPDF): Buffer => Buffer.from(doc.output('arraybuffer'));

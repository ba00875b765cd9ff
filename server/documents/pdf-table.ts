import type { jsPDF } from 'jspdf';
import { pageHeight, pageWidth, pdfStyle } from './pdf-page.ts';
import { fitText, type TextFitter, textFitter, toWinAnsi } from './pdf-text.ts';

export interface PdfColumn {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
  align: 'left' | 'right';
}

interface PlacedColumn extends PdfColumn {
  left: number;
  width: number;
}

function place(doc: jsPDF, columns: PdfColumn[]): PlacedColumn[] {
  const tableWidth = pageWidth(doc) - 2 * pdfStyle.margin;
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  let left = pdfStyle.margin;
  return columns.map((column) => {
    const width = (column.weight / totalWeight) * tableWidth;
    const placed = { ...column, left, width };
    left += width;
    return placed;
  });
}

const textX = (column: PlacedColumn) =>
  column.align === 'right' ? column.left + column.width - pdfStyle.cellPadding : column.left + pdfStyle.cellPadding;

/** Where text sits in a row whose top is `rowTop`: vertically centred for the table's font size. */
const baselineOf = (rowTop: number) => rowTop + pdfStyle.rowHeight / 2 + pdfStyle.fontSize * 0.35;

/** The header row: white bold labels on the accent colour. */
export function drawHeaderRow(doc: jsPDF, columns: PdfColumn[], top: number): void {
  const placed = place(doc, columns);
  doc.setFillColor(...pdfStyle.accent);
  doc.rect(pdfStyle.margin, top, pageWidth(doc) - 2 * pdfStyle.margin, pdfStyle.rowHeight, 'F');
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(pdfStyle.fontSize);
  doc.setTextColor(255);
  for (const column of placed) {
    doc.text(fitText(doc, column.header, column.width - 2 * pdfStyle.cellPadding), textX(column), baselineOf(top), { align: column.align });
  }
  doc.setTextColor(0);
  doc.setFont('helvetica', 'normal');
}

/**
 * Body rows under a header at `top`, striped. Each column is one text call of all its lines on the
 * page rather than one call per cell: jspdf's cost is per call, and a 10,000-row export is 70,000 cells.
 */
export function drawBodyRows(doc: jsPDF, columns: PdfColumn[], top: number, rows: string[][], fit: TextFitter): void {
  const placed = place(doc, columns);
  const bodyTop = top + pdfStyle.rowHeight;
  doc.setFillColor(...pdfStyle.stripe);
  for (let index = 1; index < rows.length; index += 2) {
    doc.rect(pdfStyle.margin, bodyTop + index * pdfStyle.rowHeight, pageWidth(doc) - 2 * pdfStyle.margin, pdfStyle.rowHeight, 'F');
  }
  doc.setFontSize(pdfStyle.fontSize);
  placed.forEach((column, index) => {
    const lines = rows.map((row) => fit(row[index] ?? '', column.width - 2 * pdfStyle.cellPadding));
    doc.text(lines, textX(column), baselineOf(bodyTop), {
      align: column.align,
      lineHeightFactor: pdfStyle.rowHeight / pdfStyle.fontSize,
    });
  });
}

export interface PdfTableLayout {
  columns: PdfColumn[];
  /** Where the table starts on the first page, below whatever the caller drew there. */
  firstTop: number;
  /** Draws the running head of a continuation page; answers where the table starts. */
  continuationHead: (doc: jsPDF) => number;
  /** Said under the header when there are no rows at all. */
  emptyMessage: string;
}

/**
 * Draws every row the batches give, page by page, a header row on each page. Only one page of
 * rows is held at a time; jspdf holds what has been drawn.
 */
export async function drawTable(doc: jsPDF, layout: PdfTableLayout, batches: AsyncIterable<string[][]>): Promise<void> {
  const bottom = pageHeight(doc) - pdfStyle.margin;
  const capacity = (top: number) => Math.floor((bottom - top) / pdfStyle.rowHeight) - 1;
  let top = layout.firstTop;
  let pageRows: string[][] = [];
  let hasRows = false;
  const fit = textFitter(doc);
  const flush = () => {
    drawHeaderRow(doc, layout.columns, top);
    drawBodyRows(doc, layout.columns, top, pageRows, fit);
    pageRows = [];
  };
  for await (const batch of batches) {
    for (const row of batch) {
      if (pageRows.length === capacity(top)) {
        flush();
        doc.addPage();
        top = layout.continuationHead(doc);
      }
      pageRows.push(row);
      hasRows = true;
    }
  }
  if (hasRows) {
    flush();
    return;
  }
  drawHeaderRow(doc, layout.columns, top);
  doc.text(toWinAnsi(layout.emptyMessage), pdfStyle.margin + pdfStyle.cellPadding, baselineOf(top + pdfStyle.rowHeight));
}

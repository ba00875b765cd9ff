import { createRequire } from 'node:module';
import type { CellObject, WorkSheet } from 'sheetjs-style';
import type { CellKind, ExportColumn, ExportContext, ListExport } from './export-columns.ts';
import { minorDigits } from './format.ts';
import { columnLetters, currencyNumberFormat, dateSerial, escapeXml } from './spreadsheet-cells.ts';
import { ZipWriter } from './zip-writer.ts';

/** The synchronous JSZip that sheetjs-style bundles; only reading a finished archive's entries is used. */
interface BundledZip {
  files: Record<string, { dir: boolean; asNodeBuffer(): Buffer; asText(): string }>;
}
type BundledZipConstructor = new (data: Buffer) => BundledZip;

const sheetPath = 'xl/worksheets/sheet1.xml';

const headerStyle = {
  font: { bold: true, color: { rgb: 'FFFFFFFF' } },
  fill: { patternType: 'solid', fgColor: { rgb: 'FF1F4E79' } },
  alignment: { vertical: 'center' },
  border: { bottom: { style: 'thin', color: { rgb: 'FF1F4E79' } } },
} as const;

const numberFormats = (context: ExportContext): Record<Exclude<CellKind, 'text'>, string> => ({
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  money: currencyNumberFormat(context.currency, context.locale),
});

interface SheetTemplate {
  /** Every entry but the sheet, as sheetjs-style wrote it. */
  entries: [string, Buffer][];
  /** The sheet up to and including its header row, the header frozen. */
  head: string;
  /** What follows the rows. */
  tail: string;
  /** The style sheetjs-style gave each column's cells, as an ` s="n"` attribute. */
  styleAttributes: string[];
}

/**
 * sheetjs-style makes the workbook: styles, number formats, column widths, the styled header row
 * and one sample row that registers each column's cell style. Its sheet is then cut around that
 * sample row so the rows can be streamed in between: sheetjs-style holds a whole sheet in memory,
 * which for 100,000 rows is more than the export may use (issue 11).
 */
async function sheetTemplate<Row>(spec: ListExport<Row>, context: ExportContext): Promise<SheetTemplate> {
  const { default: XLSX } = await import('sheetjs-style');
  const formats = numberFormats(context);
  const sheet: WorkSheet = {
    '!ref': `A1:${columnLetters(spec.columns.length - 1)}2`,
    '!cols': spec.columns.map((column) => ({ wch: column.width })),
  };
  spec.columns.forEach((column, index) => {
    const letters = columnLetters(index);
    sheet[`${letters}1`] = { t: 's', v: column.header, s: headerStyle } as CellObject;
    sheet[`${letters}2`] = column.kind === 'text' ? { t: 's', v: '' } : { t: 'n', v: 1, z: formats[column.kind] };
  });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, spec.title);
  workbook.Props = {
    Title: `${spec.title}: ${context.customer.companyName} (${context.customer.customerKey})`,
    Subject: context.filters || `All ${spec.title.toLowerCase()}`,
    Author: context.vendorName,
    CreatedDate: context.generatedAt,
  };
  const written: Buffer = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', cellStyles: true });

  const BundledZip = createRequire(import.meta.url)('sheetjs-style/jszip.js') as BundledZipConstructor;
  const files = new BundledZip(written).files;
  const xml = files[sheetPath]!.asText();
  const sampleRow = xml.indexOf('<row r="2"');
  const dataEnd = xml.indexOf('</sheetData>');
  const frozen = '<sheetView $1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
  const head = xml
    .slice(0, sampleRow)
    // The row count is not known until the rows have streamed; the dimension is optional.
    .replace(/<dimension [^>]*\/>/, '')
    .replace(/<sheetView ([^>]*?)\/>/, frozen);
  if (sampleRow < 0 || dataEnd < 0 || !head.includes('state="frozen"')) throw new Error('sheetjs-style wrote a sheet of an unexpected shape.');
  const sampleStyles = new Map([...xml.slice(sampleRow, dataEnd).matchAll(/<c r="([A-Z]+)2"(?: s="(\d+)")?/g)].map((match) => [match[1], match[2]]));
  return {
    entries: Object.entries(files)
      .filter(([name, file]) => name !== sheetPath && !file.dir)
      .map(([name, file]) => [name, file.asNodeBuffer()]),
    head,
    // Only sheetjs-style's "number stored as text" suppression follows the rows, for a range that no longer holds.
    tail: xml.slice(dataEnd).replace(/<ignoredErrors>.*?<\/ignoredErrors>/, ''),
    styleAttributes: spec.columns.map((_, index) => {
      const style = sampleStyles.get(columnLetters(index));
      return style && style !== '0' ? ` s="${style}"` : '';
    }),
  };
}

type CellWriter = (value: string | number | null, rowNumber: number) => string;

function cellWriter<Row>(column: ExportColumn<Row>, index: number, styleAttribute: string, context: ExportContext): CellWriter {
  const letters = columnLetters(index);
  const start = (rowNumber: number) => `<c r="${letters}${rowNumber}"${styleAttribute}`;
  switch (column.kind) {
    case 'text':
      return (value, rowNumber) =>
        value === null || value === '' ? '' : `${start(rowNumber)} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
    case 'date':
    case 'datetime':
      return (value, rowNumber) => (value === null ? '' : `${start(rowNumber)}><v>${dateSerial(String(value))}</v></c>`);
    case 'money': {
      const divisor = 10 ** minorDigits(context.currency);
      return (value, rowNumber) => (value === null ? '' : `${start(rowNumber)}><v>${Number(value) / divisor}</v></c>`);
    }
  }
}

async function* sheetXml<Row>(spec: ListExport<Row>, context: ExportContext, template: SheetTemplate, batches: AsyncIterable<Row[]>) {
  const writers = spec.columns.map((column, index) => cellWriter(column, index, template.styleAttributes[index]!, context));
  yield template.head;
  let rowNumber = 1;
  for await (const batch of batches) {
    let xml = '';
    for (const row of batch) {
      rowNumber += 1;
      xml += `<row r="${rowNumber}">`;
      spec.columns.forEach((column, index) => {
        xml += writers[index]!(column.value(row), rowNumber);
      });
      xml += '</row>';
    }
    yield xml;
  }
  yield template.tail;
}

/** The whole list as an .xlsx workbook: a styled, frozen header row, then real number and date cells. */
export async function renderListSpreadsheet<Row>(spec: ListExport<Row>, context: ExportContext, batches: AsyncIterable<Row[]>): Promise<Buffer> {
  const template = await sheetTemplate(spec, context);
  const zip = new ZipWriter();
  for (const [name, content] of template.entries) await zip.add(name, [content]);
  await zip.add(sheetPath, sheetXml(spec, context, template, batches));
  return zip.finish();
}

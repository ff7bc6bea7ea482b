// Tables as Excel or CSV files (the report, a class's attendance record). The spreadsheet and CSV libraries are
// loaded here, on demand, so they are not part of the app's first load.

/** A cell: text, a number, a ratio (shown as a percentage), or empty. */
export type Cell = string | number | { ratio: number } | null;
export type Row = Cell[];

/** One sheet of `rows`; `widths` are the columns' widths in characters. */
export async function xlsxFile(rows: Row[], sheet: string, widths: number[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const data = rows.map((row) =>
    row.map((cell) =>
      cell === null
        ? null
        : typeof cell === 'object'
          ? { value: cell.ratio, type: Number, format: '0.0%' }
          : { value: cell, type: typeof cell === 'number' ? Number : String },
    ),
  );
  return writeXlsxFile(data, { sheet, columns: widths.map((width) => ({ width })) }).toBlob();
}

/** CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese letters; a rate is written as text. */
export async function csvFile(rows: Row[], percent: (ratio: number) => string): Promise<Blob> {
  const { default: papa } = await import('papaparse');
  const text = papa.unparse(
    rows.map((row) => row.map((cell) => (cell && typeof cell === 'object' ? percent(cell.ratio) : cell))),
  );
  return new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' });
}

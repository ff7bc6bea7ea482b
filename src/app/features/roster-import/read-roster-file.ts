// Turns the file staff picked into the rows of a sheet, judging it by its content, not its name: an .xlsx is a ZIP
// archive, anything else must be CSV text. The spreadsheet libraries load only here, when a file is read.
import type { SheetCell } from '../../../domain/roster-cells.ts';

/** Rosters are a few hundred rows; a bigger file is not a roster, and reading it would stall a cheap phone. */
export const MAX_ROSTER_FILE_BYTES = 5 * 1024 * 1024;

export type FileReadProblem = 'tooLarge' | 'legacyXls' | 'notSpreadsheet';

export type FileRead = { ok: true; rows: SheetCell[][] } | { ok: false; problem: FileReadProblem };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// The old binary Excel format (.xls, OLE2), still common in offices: it must be saved again as .xlsx.
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readRosterFile(file: Blob): Promise<FileRead> {
  if (file.size > MAX_ROSTER_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(buffer);
  if (startsWith(bytes, OLE2_MAGIC)) return { ok: false, problem: 'legacyXls' };
  return readCsv(bytes);
}

async function readXlsx(buffer: ArrayBuffer): Promise<FileRead> {
  const { readSheet } = await import('read-excel-file/universal');
  try {
    // The library's cell type names the Date constructor rather than a Date; its cells are SheetCell values.
    return { ok: true, rows: (await readSheet(buffer)) as unknown as SheetCell[][] };
  } catch {
    // Another kind of ZIP (a .docx, a photo album) or a damaged workbook.
    return { ok: false, problem: 'notSpreadsheet' };
  }
}

async function readCsv(bytes: Uint8Array): Promise<FileRead> {
  let text: string;
  try {
    // Excel's "CSV UTF-8" (with or without its byte-order mark); a binary file is not valid UTF-8, or has NULs.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: 'notSpreadsheet' };
  }
  if (text.includes('\u0000')) return { ok: false, problem: 'notSpreadsheet' };
  const { default: Papa } = await import('papaparse');
  // Comma or semicolon, whichever the file uses; quoted cells may hold either.
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return { ok: true, rows: data };
}

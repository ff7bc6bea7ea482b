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

/**
 * Mostly well-formed UTF-8 with a few bad bytes (a damaged copy): read as code page 1258 instead, every name in it
 * would come out garbled. Text really in code page 1258 hardly ever forms a valid UTF-8 sequence.
 */
function isDamagedUtf8(bytes: Uint8Array): boolean {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let good = 0;
  for (const char of lossy) {
    if (char === '\uFFFD') bad++;
    else if (char > '\u007F') good++;
  }
  return good > bad;
}

/**
 * The text of a CSV as Excel writes it: "CSV UTF-8" (with or without its byte-order mark); "Unicode Text" (UTF-16
 * with its byte-order mark, tab-separated); or plain "CSV" on a Vietnamese Windows, in its ANSI code page 1258, whose
 * tone marks are combining characters (made whole later, as every cell is NFC). Null for what is not text: a file
 * that is neither UTF-16 nor UTF-8 is read as code page 1258, which gives every byte a character, so a binary file is
 * told by its NULs.
 */
function decodeCsv(bytes: Uint8Array): string | null {
  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : null;
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (utf16 || isDamagedUtf8(bytes)) return null;
    text = new TextDecoder('windows-1258').decode(bytes);
  }
  return text.includes('\u0000') ? null : text;
}

async function readCsv(bytes: Uint8Array): Promise<FileRead> {
  const text = decodeCsv(bytes);
  if (text === null) return { ok: false, problem: 'notSpreadsheet' };
  const { default: Papa } = await import('papaparse');
  // Comma, semicolon or tab, whichever the file uses; quoted cells may hold any of them.
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return { ok: true, rows: data };
}

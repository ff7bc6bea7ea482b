// The roster template staff download and fill in: the import's headers and one example row, written on demand so
// the spreadsheet library loads only on the import screen.
import { ROSTER_COLUMNS, type RosterColumn, TEMPLATE_HEADERS } from '../../../domain/roster-import.ts';

export const TEMPLATE_FILE_NAME = 'mau-danh-sach-hoc-vien.xlsx';

// The sheet is Vietnamese whatever the app's language: it is the office's document, read back by the import.
// A phone number as text ('@'), or Excel drops its leading zero; the birth date as a date cell shown day first.
const EXAMPLE_ROW: Record<RosterColumn, { value: string | Date; format?: string }> = {
  fullName: { value: 'Nguyễn Văn An' },
  birthDate: { value: new Date(Date.UTC(1985, 2, 15)), format: 'dd/mm/yyyy' },
  gender: { value: 'Nam' },
  position: { value: 'Bí thư chi bộ' },
  unit: { value: 'Chi bộ thôn 1' },
  phone: { value: '0905123456', format: '@' },
  partyStatus: { value: 'Chính thức' },
};

const WIDTHS: Record<RosterColumn, number> = {
  fullName: 28,
  birthDate: 12,
  gender: 10,
  position: 24,
  unit: 28,
  phone: 14,
  partyStatus: 12,
};

export async function buildRosterTemplate(): Promise<Blob> {
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const header = ROSTER_COLUMNS.map((c) => ({ value: TEMPLATE_HEADERS[c], fontWeight: 'bold' as const }));
  return writeExcelFile([header, ROSTER_COLUMNS.map((c) => EXAMPLE_ROW[c])], {
    columns: ROSTER_COLUMNS.map((c) => ({ width: WIDTHS[c] })),
    stickyRowsCount: 1,
  }).toBlob();
}

// Roster import on the device: real .xlsx files (written here with write-excel-file) and CSV text are read by their
// content, and saved into the class in one local write; a broken file or a row with a problem saves nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { importRoster } from '../../../src/app/features/roster-import/import-roster.ts';
import {
  MAX_ROSTER_FILE_BYTES,
  readRosterFile,
} from '../../../src/app/features/roster-import/read-roster-file.ts';
import { buildRosterTemplate } from '../../../src/app/features/roster-import/roster-template.ts';
import type { Class } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import type { SheetCell } from '../../../src/domain/roster-cells.ts';
import { previewRosterImport, TEMPLATE_HEADERS } from '../../../src/domain/roster-import.ts';
import { learnerNamed } from '../helpers/records.ts';

const centreId = newId();
const updatedAt = '2026-11-20T01:00:00.000Z';
const TODAY = '2026-11-25';
const HEADERS = Object.values(TEMPLATE_HEADERS);

const cls: Class = {
  id: newId(),
  centreId,
  updatedAt,
  deleted: false,
  code: 'NTVĐ-01',
  name: 'Lớp bồi dưỡng nhận thức về Đảng',
  classTypeId: newId(),
  year: 2026,
  commune: 'Đăk Ruồng',
  location: 'Hội trường xã',
  startDate: '2026-12-01',
  endDate: '2026-12-05',
  status: 'planned',
  threshold: 0.8,
  coordinatingBody: '',
  instructorIds: [],
};

type Cell = SheetCell | { value: string | Date; format: string };
const xlsx = async (rows: Cell[][]) =>
  new Blob([Uint8Array.from(await writeExcelFile(rows as never).toBuffer())]);
const target = { classId: cls.id, centreId, today: TODAY };

/**
 * Text as Excel's plain "CSV" on a Vietnamese Windows writes it: code page 1258, where a letter the page lacks whole
 * is its base letter then a combining tone mark. Its table is taken from the platform's own decoder.
 */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
function codePage1258(text: string): Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder('windows-1258');
  const byteOf = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(new Uint8Array([b])), b]));
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const whole = byteOf.get(char);
    if (whole !== undefined) {
      bytes.push(whole);
      continue;
    }
    const parts = [...char.normalize('NFD')];
    const tone = parts.find((part) => TONES.has(part))!;
    const letter = parts
      .filter((part) => part !== tone)
      .join('')
      .normalize('NFC');
    bytes.push(byteOf.get(letter)!, byteOf.get(tone)!);
  }
  return Uint8Array.from(bytes);
}

async function rowsOf(file: Blob): Promise<SheetCell[][]> {
  const read = await readRosterFile(file);
  if (!read.ok) throw new Error(read.problem);
  return read.rows;
}

describe('roster import on the device', () => {
  let db: AppDb;
  const known = learnerNamed('Nguyễn Văn A', { centreId, updatedAt, birthDate: '1985-03-15' });

  beforeEach(async () => {
    db = new AppDb(`test-${newId()}`);
    await db.classes.put(cls);
    await db.learners.put(known);
  });
  afterEach(() => db.delete());

  /** Everything an import could change; compared before and after a refused one. */
  const tables = async () => ({
    learners: await db.learners.toArray(),
    enrollments: await db.enrollments.toArray(),
    outbox: await db.outbox.toArray(),
  });

  it('imports an .xlsx in one write: new learners created, a known one reused, all summoned', async () => {
    const file = await xlsx([
      ['DANH SÁCH HỌC VIÊN', null, null, null, null, null, null],
      ['Số điện thoại', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị/Chi bộ', 'Đảng viên'],
      [
        { value: '0905123456', format: '@' },
        'nguyen van a',
        { value: new Date(Date.UTC(1985, 2, 15)), format: 'dd/mm/yyyy' },
        'Nam',
        null,
        null,
        'x',
      ],
      [null, null, null, null, null, null, null],
      [905111222, 'Lê Thị Hoà', '02/01/1990', 'Nữ', 'Chi hội trưởng', 'Hội Phụ nữ xã', 'dự bị'],
      [null, 'Y Hương', 32909, 'Nữ', null, 'Thôn Kon Skôi', null],
    ]);
    const rows = await rowsOf(file);
    const outcome = await importRoster(db, target, rows);
    expect(outcome).toEqual({ saved: true, created: 2, enrolled: 3 });

    const learners = await db.learners.toArray();
    expect(learners).toHaveLength(3);
    const hoa = learners.find((l) => l.givenName === 'Hoà')!;
    expect(hoa).toMatchObject({
      fullName: 'Lê Thị Hoà',
      familyName: 'Lê',
      middleName: 'Thị',
      birthDate: '1990-01-02',
      gender: 'female',
      position: 'Chi hội trưởng',
      unit: 'Hội Phụ nữ xã',
      phone: '0905111222',
      partyStatus: 'probationary',
      centreId,
      deleted: false,
    });
    expect(learners.find((l) => l.givenName === 'Hương')).toMatchObject({
      birthDate: '1990-02-05',
      familyName: 'Y',
    });
    const enrollments = await db.enrollments.toArray();
    expect(new Set(enrollments.map((e) => e.learnerId))).toEqual(new Set(learners.map((l) => l.id)));
    expect(enrollments.every((e) => e.classId === cls.id && e.status === 'summoned' && !e.walkIn)).toBe(true);
    expect((await db.outbox.toArray()).map((e) => e.entity).sort()).toEqual([
      'enrollments',
      'enrollments',
      'enrollments',
      'learners',
      'learners',
    ]);

    // The same file again: everyone is on the list already, so there is nothing to save.
    const again = await importRoster(db, target, rows);
    expect(again.saved).toBe(false);
    expect(await db.enrollments.count()).toBe(3);
  });

  it("imports CSV text (Excel's UTF-8 with its byte-order mark, semicolons, quoted cells)", async () => {
    const csv = `\uFEFFHọ và tên;Ngày sinh;Giới tính;Đơn vị/Chi bộ\r\n"Trần Văn Bình";7/9/1992;Nam;"Chi bộ thôn 2; xã Đăk Ruồng"\r\n;;;\r\nNguyễn Văn A;15/03/1985;Nam;\r\n`;
    const rows = await rowsOf(new Blob([csv], { type: 'text/csv' }));
    const preview = previewRosterImport(rows, { learners: [known], enrolledLearnerIds: new Set() }, TODAY);
    expect(preview.ok && preview.rows.map((r) => [r.row, r.learner.unit, r.status.kind])).toEqual([
      [2, 'Chi bộ thôn 2; xã Đăk Ruồng', 'new'],
      [4, '', 'matched'],
    ]);
    expect(await importRoster(db, target, rows)).toEqual({ saved: true, created: 1, enrolled: 2 });
  });

  it("imports Excel's other CSVs: plain CSV on a Vietnamese Windows (code page 1258), and Unicode Text", async () => {
    const lines = [
      'Họ và tên,Ngày sinh,Giới tính,Đơn vị/Chi bộ',
      'Đinh Thị Hồng Nhung,02/01/1990,Nữ,Chi bộ thôn Kon Rẫy',
      'Nguyễn Văn A,15/03/1985,Nam,',
    ];
    const expected = [
      ['Đinh Thị Hồng Nhung', 'Chi bộ thôn Kon Rẫy', 'new'],
      ['Nguyễn Văn A', '', 'matched'],
    ];
    const outcomeOf = async (file: Blob) => {
      const rows = await rowsOf(file);
      const preview = previewRosterImport(rows, { learners: [known], enrolledLearnerIds: new Set() }, TODAY);
      return preview.ok && preview.rows.map((r) => [r.learner.fullName, r.learner.unit, r.status.kind]);
    };

    const ansi = codePage1258(`${lines.join('\r\n')}\r\n`);
    // Not UTF-8: the tone marks are bytes of their own after the letter (ồ is ô then a grave accent).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(ansi)).toThrow();
    expect(await outcomeOf(new Blob([ansi]))).toEqual(expected);

    // Little-endian, after its byte-order mark, as Windows writes it; cells separated by tabs.
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${lines.join('\r\n').replaceAll(',', '\t')}`, 'utf16le'));
    expect(await outcomeOf(new Blob([utf16]))).toEqual(expected);

    expect(await importRoster(db, target, await rowsOf(new Blob([ansi])))).toEqual({
      saved: true,
      created: 1,
      enrolled: 2,
    });
    expect((await db.learners.toArray()).map((l) => l.fullName).sort()).toEqual([
      'Nguyễn Văn A',
      'Đinh Thị Hồng Nhung',
    ]);
  });

  it('the downloaded template reads back: its headers, and one valid example row', async () => {
    const rows = await rowsOf(await buildRosterTemplate());
    expect(rows[0]).toEqual(HEADERS);
    const preview = previewRosterImport(rows, { learners: [], enrolledLearnerIds: new Set() }, TODAY);
    expect(preview.ok && preview.rows.map((r) => [r.learner, r.status])).toEqual([
      [
        {
          fullName: 'Nguyễn Văn An',
          familyName: 'Nguyễn',
          middleName: 'Văn',
          givenName: 'An',
          birthDate: '1985-03-15',
          gender: 'male',
          position: 'Bí thư chi bộ',
          unit: 'Chi bộ thôn 1',
          phone: '0905123456',
          partyStatus: 'full',
        },
        { kind: 'new' },
      ],
    ]);
  });

  describe('broken files save nothing', () => {
    it('wrong headers', async () => {
      const before = await tables();
      const rows = await rowsOf(
        await xlsx([
          ['Tên', 'Năm sinh'],
          ['Trần Văn Bình', 1990],
        ]),
      );
      expect(await importRoster(db, target, rows)).toEqual({
        saved: false,
        preview: { ok: false, problem: 'noNameColumn' },
      });
      expect(await tables()).toEqual(before);
    });

    it('a bad date on one row keeps the good rows out too', async () => {
      const before = await tables();
      const rows = await rowsOf(
        await xlsx([HEADERS, ['Trần Văn Bình', '12/12/1970'], [null], ['Phạm Thị Cúc', '31/02/1990']]),
      );
      const outcome = await importRoster(db, target, rows);
      expect(outcome.saved).toBe(false);
      expect(!outcome.saved && outcome.preview?.ok && outcome.preview.rows.map((r) => r.status)).toEqual([
        { kind: 'new' },
        { kind: 'invalid', problems: [{ code: 'invalidDate', row: 4, column: 'birthDate' }] },
      ]);
      expect(await tables()).toEqual(before);
    });

    it('only empty rows under the header', async () => {
      const rows = await rowsOf(await xlsx([HEADERS, [null, null], ['  ', null]]));
      expect(await importRoster(db, target, rows)).toEqual({
        saved: false,
        preview: { ok: false, problem: 'noLearners' },
      });
    });

    it('a file over 5 MB is refused before it is read', async () => {
      const big = new Blob([new Uint8Array(MAX_ROSTER_FILE_BYTES + 1)]);
      expect(await readRosterFile(big)).toEqual({ ok: false, problem: 'tooLarge' });
    });

    it('a photo, a Word document or an old .xls renamed .xlsx', async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
      expect(await readRosterFile(new Blob([png]))).toEqual({ ok: false, problem: 'notSpreadsheet' });
      const zipNotWorkbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3, 4]);
      expect(await readRosterFile(new Blob([zipNotWorkbook]))).toEqual({
        ok: false,
        problem: 'notSpreadsheet',
      });
      const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
      expect(await readRosterFile(new Blob([xls]))).toEqual({ ok: false, problem: 'legacyXls' });
      expect(await readRosterFile(new Blob([new Uint8Array([0xff, 0xfe, 0xfd])]))).toEqual({
        ok: false,
        problem: 'notSpreadsheet',
      });
      // A damaged copy of a UTF-8 file is not read as code page 1258, which would garble every name in it.
      const damaged = new TextEncoder().encode('Họ và tên,Ngày sinh\r\nNguyễn Văn Bình,01/01/1990\r\n');
      damaged[damaged.length - 20] = 0xff;
      expect(await readRosterFile(new Blob([damaged]))).toEqual({ ok: false, problem: 'notSpreadsheet' });
    });
  });
});

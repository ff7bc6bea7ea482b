// The report's paragraph, written the way the centres write it (seed 001): "đã tổ chức mở được 12 lớp với 522 lượt
// học viên tham gia học tập, gồm: (1) 02 lớp Nhận thức về Đảng với 77 học viên; …", then the plan, the participation
// and the conferences when there are any.
import type { ReportSummary } from './reports.ts';
import { viCount, viDate, viNumber, viPercent } from './vietnamese-format.ts';

function periodWords({ from, to }: ReportSummary['period']): string {
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  const wholeYears = from.endsWith('-01-01') && to.endsWith('-12-31');
  if (wholeYears) return fromYear === toYear ? `Năm ${fromYear}` : `Giai đoạn ${fromYear} - ${toYear}`;
  return `Từ ngày ${viDate(from)} đến ngày ${viDate(to)}`;
}

export function reportParagraph(summary: ReportSummary): string {
  const sentences: string[] = [];
  const kinds = summary.byKind
    .map((k, i) => `(${i + 1}) ${viCount(k.classes)} lớp ${k.name} với ${viNumber(k.learnerPlaces)} học viên`)
    .join('; ');
  sentences.push(
    `${periodWords(summary.period)}, Trung tâm đã tổ chức mở được ${viCount(summary.classesOpened)} lớp với ` +
      `${viNumber(summary.learnerPlaces)} lượt học viên tham gia học tập${kinds ? `, gồm: ${kinds}` : ''}.`,
  );
  if (summary.classesPlanned > 0) {
    sentences.push(
      `So với kế hoạch, đạt ${summary.classesOpened}/${summary.classesPlanned} lớp ` +
        `(tỷ lệ ${viPercent(summary.classesOpened / summary.classesPlanned, 0)}).`,
    );
  }
  if (summary.conferences > 0) {
    sentences.push(
      `Tổ chức ${viCount(summary.conferences)} hội nghị học tập, quán triệt với ` +
        `${viNumber(summary.conferencePlaces)} lượt người tham dự.`,
    );
  }
  if (summary.summoned > 0) {
    sentences.push(
      `Số học viên tham gia so với triệu tập: ${viNumber(summary.participated)}/${viNumber(summary.summoned)}, ` +
        `đạt ${viPercent(summary.participated / summary.summoned)}` +
        (summary.attendanceRate === null ? '.' : `; tỷ lệ chuyên cần ${viPercent(summary.attendanceRate)}.`),
    );
  }
  return sentences.join(' ');
}

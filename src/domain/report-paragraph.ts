// The report's paragraph, written the way the centres write it (seed 001): "đã tổ chức mở được 12 lớp với 522 lượt
// học viên tham gia học tập, gồm: (1) 02 lớp Nhận thức về Đảng với 77 học viên; …", then the plan and the
// participation, and apart the conferences and the classes coordinated with another body when there are any.
import { type EquivalenceFigures, equivalenceSentence } from './equivalence.ts';
import type { ReportSummary, Turnout } from './reports.ts';
import { viCount, viDate, viNumber, viPercent } from './vietnamese-format.ts';

function periodWords({ from, to }: ReportSummary['period']): string {
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  const wholeYears = from.endsWith('-01-01') && to.endsWith('-12-31');
  if (wholeYears) return fromYear === toYear ? `Năm ${fromYear}` : `Giai đoạn ${fromYear} - ${toYear}`;
  return `Từ ngày ${viDate(from)} đến ngày ${viDate(to)}`;
}

/** "1.546/1.607, đạt 96,2%" */
const against = ({ summoned, participated }: Turnout, noun = '') =>
  `${viNumber(participated)}/${viNumber(summoned)}${noun}, đạt ${viPercent(participated / summoned)}`;

/** `equivalence`: the recognition of equivalent training in the period, stated last as seed 001 does. */
export function reportParagraph(summary: ReportSummary, equivalence?: EquivalenceFigures): string {
  const sentences: string[] = [];
  const { turnout } = summary;
  // The first sentence names the period; without classes of its own, the first of the parts reported apart does.
  let periodNamed = false;
  const lead = (words: string) => {
    if (periodNamed) return words[0]!.toUpperCase() + words.slice(1);
    periodNamed = true;
    return `${periodWords(summary.period)}, Trung tâm ${words}`;
  };
  if (summary.classesOpened > 0 || (summary.coordinated === 0 && summary.conferences === 0)) {
    const kinds = summary.byKind
      .map(
        (k, i) => `(${i + 1}) ${viCount(k.classes)} lớp ${k.name} với ${viNumber(k.learnerPlaces)} học viên`,
      )
      .join('; ');
    sentences.push(
      `${lead('đã tổ chức mở được')} ${viCount(summary.classesOpened)} lớp với ` +
        `${viNumber(summary.learnerPlaces)} lượt học viên tham gia học tập${kinds ? `, gồm: ${kinds}` : ''}.`,
    );
  }
  if (summary.classesPlanned > 0) {
    sentences.push(
      `So với kế hoạch, đạt ${summary.classesOpened}/${summary.classesPlanned} lớp ` +
        `(tỷ lệ ${viPercent(summary.classesOpened / summary.classesPlanned, 0)}).`,
    );
  }
  if (turnout.classes.summoned > 0) {
    sentences.push(
      `Số học viên tham gia so với triệu tập: ${against(turnout.classes)}` +
        (summary.attendanceRate === null ? '.' : `; tỷ lệ chuyên cần ${viPercent(summary.attendanceRate)}.`),
    );
  }
  if (summary.conferences > 0) {
    sentences.push(
      `${lead('tổ chức')} ${viCount(summary.conferences)} hội nghị học tập, quán triệt với ` +
        `${viNumber(summary.conferencePlaces)} lượt người tham dự.`,
    );
  }
  if (summary.coordinated > 0) {
    const kinds = summary.coordinatedByKind
      .map(
        (k) =>
          `${viCount(k.classes)} lớp ${k.name} với ` +
          against({ summoned: k.learnerPlaces, participated: k.participated }, ' học viên tham dự'),
      )
      .join('; ');
    sentences.push(`${lead(periodNamed ? 'ngoài ra, phối hợp mở' : 'phối hợp mở')} ${kinds}.`);
  }
  const recognition = equivalence ? equivalenceSentence(equivalence) : '';
  if (recognition) sentences.push(`${periodNamed ? 'Bên cạnh đó, ' : lead('')}${recognition}.`);
  return sentences.join(' ');
}

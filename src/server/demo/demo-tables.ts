// The demo centre's source tables: the eleven class kinds and 2021 enrolments of the Kon Rẫy report
// (shared/seeds/001), and the word lists that make its learners' names, posts and places.
import type { ClassCategory, PartyStatus } from '../../domain/entities.ts';

export interface DemoKind {
  key: string;
  nameVi: string;
  nameEn: string;
  category: ClassCategory;
  /** Learners of each 2021 class of this kind (one entry per class), as the report gives them. */
  classes2021: number[];
  /** Sessions (buổi) a class of this kind runs. */
  sessions: number;
  codePrefix: string;
  partyStatus: PartyStatus;
  coordinatingBody?: string;
}

export const DEMO_KINDS: DemoKind[] = [
  {
    key: 'ntvd',
    nameVi: 'Nhận thức về Đảng',
    nameEn: 'Understanding the Party',
    category: 'party',
    classes2021: [40, 37],
    sessions: 10,
    codePrefix: 'NTVĐ',
    partyStatus: 'candidate',
  },
  {
    key: 'btcb',
    nameVi: 'Bồi dưỡng công tác Đảng cho Bí thư chi bộ và cấp ủy viên cơ sở',
    nameEn: 'Party work for cell secretaries and grassroots committee members',
    category: 'party',
    classes2021: [42],
    sessions: 6,
    codePrefix: 'BTCB',
    partyStatus: 'full',
  },
  {
    key: 'danvan',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Dân vận ở cơ sở',
    nameEn: 'Political theory and mass-mobilisation work at the grassroots',
    category: 'mass',
    classes2021: [55],
    sessions: 4,
    codePrefix: 'DV',
    partyStatus: 'full',
  },
  {
    key: 'doan',
    nameVi: 'Bồi dưỡng nghiệp vụ công tác Đoàn ở cơ sở',
    nameEn: 'Youth Union work at the grassroots',
    category: 'mass',
    classes2021: [50],
    sessions: 4,
    codePrefix: 'ĐOÀN',
    partyStatus: 'none',
  },
  {
    key: 'tuyengiao',
    nameVi: 'Bồi dưỡng nghiệp vụ công tác Tuyên giáo và tuyên truyền miệng ở cơ sở',
    nameEn: 'Propaganda and oral outreach work at the grassroots',
    category: 'party',
    classes2021: [50],
    sessions: 4,
    codePrefix: 'TG',
    partyStatus: 'full',
  },
  {
    key: 'doi',
    nameVi: 'Bồi dưỡng nghiệp vụ công tác Đội',
    nameEn: 'Young Pioneers work',
    category: 'mass',
    classes2021: [30],
    sessions: 4,
    codePrefix: 'ĐỘI',
    partyStatus: 'none',
  },
  {
    key: 'mattran',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Mặt trận ở cơ sở',
    nameEn: 'Political theory and Fatherland Front work at the grassroots',
    category: 'mass',
    classes2021: [50],
    sessions: 4,
    codePrefix: 'MT',
    partyStatus: 'full',
  },
  {
    key: 'hnd',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Hội Nông dân ở cơ sở',
    nameEn: "Political theory and Farmers' Union work at the grassroots",
    category: 'mass',
    classes2021: [50],
    sessions: 4,
    codePrefix: 'HND',
    partyStatus: 'full',
  },
  {
    key: 'congdoan',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Công đoàn',
    nameEn: 'Political theory and trade-union work',
    category: 'mass',
    classes2021: [50],
    sessions: 4,
    codePrefix: 'CĐ',
    partyStatus: 'full',
  },
  {
    key: 'dvm',
    nameVi: 'Đảng viên mới',
    nameEn: 'New Party members',
    category: 'party',
    classes2021: [33],
    sessions: 8,
    codePrefix: 'ĐVM',
    partyStatus: 'probationary',
  },
  {
    key: 'socap',
    nameVi: 'Sơ cấp lý luận chính trị',
    nameEn: 'Elementary political theory',
    category: 'party',
    classes2021: [35],
    sessions: 16,
    codePrefix: 'SC',
    partyStatus: 'full',
    coordinatingBody: 'Trường Chính trị tỉnh Kon Tum',
  },
  {
    key: 'hoinghi',
    nameVi: 'Hội nghị học tập, quán triệt nghị quyết',
    nameEn: 'Study conference on resolutions',
    category: 'conference',
    classes2021: [],
    sessions: 1,
    codePrefix: 'HN',
    partyStatus: 'full',
  },
];

export const COMMUNES = [
  'Đăk Ruồng',
  'Đăk Tờ Re',
  'Tân Lập',
  'Đăk Tơ Lung',
  'Đăk Kôi',
  'Đăk Pne',
  'thị trấn Đăk Rve',
];

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Đinh',
];
export const MIDDLE_NAMES = {
  male: ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Công', 'Thành', 'Xuân'],
  female: ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Hồng', 'Thị Kim', 'Thanh', 'Thị Minh'],
};
export const GIVEN_NAMES = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đức',
    'Hải',
    'Hùng',
    'Khánh',
    'Long',
    'Nam',
    'Phúc',
    'Quang',
    'Sơn',
    'Tài',
    'Thắng',
    'Toàn',
    'Trung',
    'Tuấn',
    'Việt',
    'Vinh',
  ],
  female: [
    'Anh',
    'Ánh',
    'Chi',
    'Dung',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hoà',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Nga',
    'Ngọc',
    'Nhung',
    'Phương',
    'Thảo',
    'Thuý',
    'Trang',
    'Yến',
  ],
};
/** Xơ Đăng and Ba Na names as written in Kon Rẫy: A for men, Y for women, then the given name. */
export const ETHNIC_NAMES = {
  male: ['A Thuấn', 'A Lưu', 'A Blong', 'A Huynh', 'A Đoan', 'A Khoa', 'A Tiêu', 'A Bình'],
  female: ['Y Hương', 'Y Nhung', 'Y Liên', 'Y Ngọc', 'Y Bích', 'Y Hiền', 'Y Sương', 'Y Thảo'],
};

export const POSITIONS = [
  'Bí thư chi bộ',
  'Phó Bí thư chi bộ',
  'Trưởng thôn',
  'Công chức văn phòng – thống kê',
  'Chủ tịch Hội Nông dân xã',
  'Bí thư Chi đoàn',
  'Giáo viên',
  'Chi hội trưởng Hội Phụ nữ',
  'Trưởng ban công tác Mặt trận thôn',
  'Công an viên',
  'Nhân viên y tế thôn',
];

export const TOPICS = [
  'Chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh – nền tảng tư tưởng của Đảng',
  'Khái quát lịch sử Đảng Cộng sản Việt Nam',
  'Mục tiêu, con đường đi lên chủ nghĩa xã hội ở Việt Nam',
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Xây dựng Đảng về chính trị, tư tưởng, đạo đức và tổ chức',
  'Đường lối, chính sách của Đảng về phát triển kinh tế – xã hội',
  'Công tác dân vận của hệ thống chính trị ở cơ sở',
  'Kỹ năng tuyên truyền miệng',
  'Nghiệp vụ công tác kiểm tra, giám sát của chi bộ',
  'Tình hình thời sự, nhiệm vụ chính trị của địa phương',
];

// The demo centre as data: the class kinds and classes of the Kon Rẫy 2021 report (shared/seeds/001), the yearly
// plans, the communes, who attends which kind of class, and the session topics. build-demo.ts turns these into
// records; nothing here is random.

import { addDays } from '../../domain/calendar.ts';
import type { Centre, ClassCategory, PartyStatus } from '../../domain/entities.ts';

export const CENTRE_INFO = {
  name: 'Trung tâm Chính trị huyện Kon Rẫy',
  level: 'district' satisfies Centre['level'],
  province: 'Kon Tum',
} as const;

export const PROVINCIAL_SCHOOL = 'Trường Chính trị tỉnh Kon Tum';
export const CENTRE_HALL = 'Hội trường Trung tâm Chính trị huyện Kon Rẫy';

// ---------------------------------------------------------------------------------------------------------------
// Places: the communes of Kon Rẫy in 2021 (the centre sits in thị trấn Đăk Rve).

export interface Commune {
  name: string;
  /** What its residential units are called: thôn in a xã, tổ dân phố in a thị trấn. */
  villageWord: 'thôn' | 'tổ dân phố';
  villageHead: string;
  villages: number;
}

const xa = (name: string, villages: number): Commune => ({
  name: `xã ${name}`,
  villageWord: 'thôn',
  villageHead: 'Trưởng thôn',
  villages,
});

export const COMMUNES: readonly Commune[] = [
  { name: 'thị trấn Đăk Rve', villageWord: 'tổ dân phố', villageHead: 'Tổ trưởng tổ dân phố', villages: 6 },
  xa('Đăk Ruồng', 14),
  xa('Đăk Tờ Re', 9),
  xa('Tân Lập', 6),
  xa('Đăk Tơ Lung', 8),
  xa('Đăk Kôi', 7),
  xa('Đăk Pne', 4),
];

export const communeHall = (commune: string): string => `Hội trường UBND ${commune}`;

// ---------------------------------------------------------------------------------------------------------------
// Who attends a kind of class. Unit and position templates: {village} → "thôn 4" / "tổ dân phố 2",
// {commune} → "xã Đăk Ruồng", {villageHead} → "Trưởng thôn" / "Tổ trưởng tổ dân phố".

export interface LearnerProfile {
  /** Posts, with a weight and, for posts held by women or men only, that gender. */
  roles: readonly (readonly [position: string, unit: string, weight: number, only?: 'female' | 'male'])[];
  partyStatus: readonly (readonly [PartyStatus, number])[];
  /** Age range in the year of the class (so the 2021 learners are born 1965–2003). */
  ages: readonly [min: number, max: number];
  femaleShare: number;
}

const YOUNG_CANDIDATE_ROLES = [
  ['Đoàn viên', 'Chi đoàn {village}, {commune}', 4],
  ['Bí thư Chi đoàn', 'Chi đoàn {village}, {commune}', 2],
  ['Công chức Văn phòng - Thống kê', 'UBND {commune}', 1],
  ['Giáo viên', 'Trường Tiểu học {commune}', 2],
  ['Giáo viên', 'Trường Mầm non {commune}', 1],
  ['Y sĩ', 'Trạm Y tế {commune}', 1],
  ['Công an viên', 'Công an {commune}', 1, 'male'],
  ['Chi hội trưởng Phụ nữ', 'Chi hội Phụ nữ {village}, {commune}', 1, 'female'],
  ['Thôn đội trưởng', 'Ban Chỉ huy Quân sự {commune}', 1, 'male'],
] as const;

const PROFILES = {
  ntvd: {
    roles: YOUNG_CANDIDATE_ROLES,
    partyStatus: [
      ['candidate', 85],
      ['none', 15],
    ],
    ages: [19, 36],
    femaleShare: 0.5,
  },
  btcb: {
    roles: [
      ['Bí thư chi bộ', 'Chi bộ {village}, {commune}', 6],
      ['Phó Bí thư chi bộ', 'Chi bộ {village}, {commune}', 3],
      ['Chi ủy viên', 'Chi bộ {village}, {commune}', 2],
      ['Đảng ủy viên', 'Đảng ủy {commune}', 1],
      ['Bí thư chi bộ', 'Chi bộ Trường Tiểu học {commune}', 1],
    ],
    partyStatus: [['full', 1]],
    ages: [31, 56],
    femaleShare: 0.2,
  },
  dv: {
    roles: [
      ['{villageHead}', '{village}, {commune}', 4],
      ['Tổ trưởng tổ dân vận', '{village}, {commune}', 3],
      ['Trưởng khối Dân vận', 'Đảng ủy {commune}', 1],
      ['Chủ tịch Hội Cựu chiến binh', 'Hội Cựu chiến binh {commune}', 1, 'male'],
      ['Chủ tịch Hội Liên hiệp Phụ nữ', 'Hội Liên hiệp Phụ nữ {commune}', 1, 'female'],
      ['Người có uy tín', '{village}, {commune}', 2],
    ],
    partyStatus: [
      ['full', 85],
      ['none', 15],
    ],
    ages: [29, 56],
    femaleShare: 0.35,
  },
  dtn: {
    roles: [
      ['Bí thư Chi đoàn', 'Chi đoàn {village}, {commune}', 5],
      ['Phó Bí thư Chi đoàn', 'Chi đoàn {village}, {commune}', 3],
      ['Bí thư Đoàn', 'Đoàn {commune}', 1],
      ['Ủy viên Ban Chấp hành Đoàn', 'Đoàn {commune}', 2],
    ],
    partyStatus: [
      ['none', 45],
      ['candidate', 20],
      ['full', 35],
    ],
    ages: [18, 31],
    femaleShare: 0.45,
  },
  tg: {
    roles: [
      ['Cán bộ phụ trách tuyên giáo', 'Đảng ủy {commune}', 1],
      ['Báo cáo viên cơ sở', 'Đảng ủy {commune}', 2],
      ['Tuyên truyền viên', 'Chi bộ {village}, {commune}', 3],
      ['Bí thư chi bộ', 'Chi bộ {village}, {commune}', 2],
      ['Công chức Văn hóa - Xã hội', 'UBND {commune}', 1],
    ],
    partyStatus: [
      ['full', 90],
      ['probationary', 10],
    ],
    ages: [26, 51],
    femaleShare: 0.35,
  },
  doi: {
    roles: [
      ['Tổng phụ trách Đội', 'Liên đội Trường Tiểu học {commune}', 3],
      ['Tổng phụ trách Đội', 'Liên đội Trường PTDTBT THCS {commune}', 2],
      ['Giáo viên', 'Trường Tiểu học {commune}', 2],
      ['Phó Bí thư Đoàn phụ trách thiếu nhi', 'Đoàn {commune}', 1],
    ],
    partyStatus: [
      ['none', 35],
      ['candidate', 20],
      ['full', 45],
    ],
    ages: [21, 36],
    femaleShare: 0.6,
  },
  mttq: {
    roles: [
      ['Trưởng ban công tác Mặt trận', 'Ban công tác Mặt trận {village}, {commune}', 6],
      ['Phó Chủ tịch Ủy ban MTTQ Việt Nam', 'Ủy ban MTTQ Việt Nam {commune}', 1],
      ['Ủy viên Ủy ban MTTQ Việt Nam', 'Ủy ban MTTQ Việt Nam {commune}', 2],
      ['Người có uy tín', '{village}, {commune}', 1],
    ],
    partyStatus: [
      ['full', 80],
      ['none', 20],
    ],
    ages: [31, 56],
    femaleShare: 0.3,
  },
  hnd: {
    roles: [
      ['Chi hội trưởng Nông dân', 'Chi hội Nông dân {village}, {commune}', 6],
      ['Chủ tịch Hội Nông dân', 'Hội Nông dân {commune}', 1],
      ['Phó Chủ tịch Hội Nông dân', 'Hội Nông dân {commune}', 1],
      ['Chi hội phó Nông dân', 'Chi hội Nông dân {village}, {commune}', 2],
    ],
    partyStatus: [
      ['full', 75],
      ['none', 25],
    ],
    ages: [29, 56],
    femaleShare: 0.25,
  },
  cd: {
    roles: [
      ['Chủ tịch Công đoàn cơ sở', 'Công đoàn Trường Mầm non {commune}', 2],
      ['Chủ tịch Công đoàn cơ sở', 'Công đoàn Trường Tiểu học {commune}', 2],
      ['Chủ tịch Công đoàn cơ sở', 'Công đoàn cơ sở UBND {commune}', 1],
      ['Ủy viên Ban Chấp hành Công đoàn', 'Công đoàn Trạm Y tế {commune}', 1],
      ['Tổ trưởng công đoàn', 'Công đoàn Trường PTDTBT THCS {commune}', 2],
    ],
    partyStatus: [
      ['full', 70],
      ['none', 30],
    ],
    ages: [26, 46],
    femaleShare: 0.6,
  },
  dvm: {
    roles: YOUNG_CANDIDATE_ROLES,
    partyStatus: [['probationary', 1]],
    ages: [20, 36],
    femaleShare: 0.45,
  },
  sc: {
    roles: [
      ['Chi ủy viên', 'Chi bộ {village}, {commune}', 3],
      ['{villageHead}', '{village}, {commune}', 2],
      ['Công chức Tư pháp - Hộ tịch', 'UBND {commune}', 1],
      ['Công chức Địa chính - Xây dựng', 'UBND {commune}', 1],
      ['Phó Chủ tịch Hội Liên hiệp Phụ nữ', 'Hội Liên hiệp Phụ nữ {commune}', 1, 'female'],
      ['Giáo viên', 'Trường PTDTBT THCS {commune}', 2],
    ],
    partyStatus: [['full', 1]],
    ages: [26, 51],
    femaleShare: 0.4,
  },
  hnqt: {
    roles: [['Đảng viên', 'Chi bộ {village}, {commune}', 1]],
    partyStatus: [['full', 1]],
    ages: [21, 56],
    femaleShare: 0.4,
  },
} as const satisfies Record<string, LearnerProfile>;

export type KindKey = keyof typeof PROFILES;

// ---------------------------------------------------------------------------------------------------------------
// Class kinds, in the order of the report. nameVi is the report's wording (first letter capitalised; the report
// writes "uỷ"). topics: one chuyên đề per session (buổi), in order.

export interface Kind {
  key: KindKey;
  /** Prefix of class codes, e.g. "NTVĐ-01/2021". */
  code: string;
  nameVi: string;
  nameEn: string;
  category: ClassCategory;
  /** Courses are numbered within a year ("khóa 1"). */
  numberedCourses: boolean;
  profile: LearnerProfile;
  topics: readonly string[];
}

const CLOSING = 'viết bài thu hoạch, bế giảng';

export const KINDS: readonly Kind[] = [
  {
    key: 'ntvd',
    code: 'NTVĐ',
    nameVi: 'Nhận thức về Đảng',
    nameEn: 'Awareness of the Party',
    category: 'party',
    numberedCourses: true,
    profile: PROFILES.ntvd,
    topics: [
      'Khai giảng; Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh - nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng',
      'Khái quát lịch sử Đảng Cộng sản Việt Nam',
      'Mục tiêu, lý tưởng của Đảng Cộng sản Việt Nam',
      'Những nội dung cơ bản của Điều lệ Đảng Cộng sản Việt Nam (phần 1)',
      'Những nội dung cơ bản của Điều lệ Đảng Cộng sản Việt Nam (phần 2)',
      'Đảng lãnh đạo hệ thống chính trị và xã hội',
      'Phấn đấu trở thành đảng viên Đảng Cộng sản Việt Nam',
      'Lịch sử Đảng bộ tỉnh Kon Tum và Đảng bộ huyện Kon Rẫy',
      'Thông tin thời sự: tình hình thế giới, trong nước và địa phương',
      `Ôn tập; ${CLOSING}`,
    ],
  },
  {
    key: 'btcb',
    code: 'BTCB',
    nameVi: 'Bồi dưỡng công tác Đảng cho Bí thư chi bộ và cấp uỷ viên cơ sở',
    nameEn: 'Party work for Party-cell secretaries and grassroots committee members',
    category: 'party',
    numberedCourses: false,
    profile: PROFILES.btcb,
    topics: [
      'Khai giảng; Những vấn đề chung về chi bộ và công tác xây dựng chi bộ',
      'Nhiệm vụ, quyền hạn của bí thư chi bộ và cấp ủy viên cơ sở',
      'Quy trình, nội dung và phương pháp tổ chức sinh hoạt chi bộ',
      'Công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng ở cơ sở',
      'Công tác phát triển đảng viên và quản lý đảng viên ở chi bộ',
      `Kỹ năng xử lý tình huống ở chi bộ; ${CLOSING}`,
    ],
  },
  {
    key: 'dv',
    code: 'DV',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Dân vận ở cơ sở',
    nameEn: 'Political theory and mass-mobilisation work at the grassroots',
    category: 'mass',
    numberedCourses: false,
    profile: PROFILES.dv,
    topics: [
      'Khai giảng; Quan điểm của chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh về công tác dân vận',
      'Quan điểm của Đảng về công tác dân vận trong thời kỳ mới',
      'Hệ thống chính trị ở cơ sở và công tác dân vận của chính quyền',
      'Phong trào thi đua “Dân vận khéo” ở cơ sở',
      'Công tác dân vận vùng đồng bào dân tộc thiểu số và tôn giáo',
      `Kỹ năng vận động quần chúng; ${CLOSING}`,
    ],
  },
  {
    key: 'dtn',
    code: 'ĐTN',
    nameVi: 'Bồi dưỡng nghiệp vụ công tác Đoàn ở cơ sở',
    nameEn: 'Youth Union work at the grassroots',
    category: 'mass',
    numberedCourses: false,
    profile: PROFILES.dtn,
    topics: [
      'Khai giảng; Lịch sử Đoàn Thanh niên Cộng sản Hồ Chí Minh',
      'Điều lệ Đoàn và hướng dẫn thực hiện Điều lệ Đoàn',
      'Nghiệp vụ công tác Đoàn: tổ chức sinh hoạt chi đoàn, quản lý đoàn viên',
      'Kỹ năng tổ chức hoạt động tình nguyện và phong trào thanh niên ở cơ sở',
      'Công tác giáo dục chính trị, tư tưởng cho đoàn viên, thanh niên',
      `Kỹ năng xây dựng kế hoạch hoạt động; ${CLOSING}`,
    ],
  },
  {
    key: 'tg',
    code: 'TG',
    nameVi: 'Bồi dưỡng nghiệp vụ công tác Tuyên giáo và tuyên truyền miệng ở cơ sở',
    nameEn: 'Propaganda, education and oral propaganda work at the grassroots',
    category: 'party',
    numberedCourses: false,
    profile: PROFILES.tg,
    topics: [
      'Khai giảng; Những vấn đề chung về công tác tuyên giáo ở cơ sở',
      'Nghiệp vụ công tác tuyên truyền miệng và báo cáo viên cơ sở',
      'Công tác nắm bắt, định hướng dư luận xã hội ở cơ sở',
      'Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch',
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      `Thực hành kỹ năng tuyên truyền miệng; ${CLOSING}`,
    ],
  },
  {
    key: 'doi',
    code: 'ĐỘI',
    nameVi: 'Bồi dưỡng nghiệp vụ công tác Đội',
    nameEn: 'Young Pioneers work',
    category: 'mass',
    numberedCourses: false,
    profile: PROFILES.doi,
    topics: [
      'Khai giảng; Lịch sử Đội Thiếu niên Tiền phong Hồ Chí Minh và Điều lệ Đội',
      'Nghiệp vụ công tác Đội: nghi thức Đội, sinh hoạt chi đội, liên đội',
      'Kỹ năng tổ chức hoạt động tập thể, trò chơi và sinh hoạt thiếu nhi',
      `Công tác phụ trách Đội ở trường học và địa bàn dân cư; ${CLOSING}`,
    ],
  },
  {
    key: 'mttq',
    code: 'MTTQ',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Mặt trận ở cơ sở',
    nameEn: 'Political theory and Fatherland Front work at the grassroots',
    category: 'mass',
    numberedCourses: false,
    profile: PROFILES.mttq,
    topics: [
      'Khai giảng; Mặt trận Tổ quốc Việt Nam trong hệ thống chính trị',
      'Điều lệ Mặt trận Tổ quốc Việt Nam; Ban công tác Mặt trận ở khu dân cư',
      'Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”',
      'Công tác giám sát và phản biện xã hội của Mặt trận ở cơ sở',
      'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư',
      `Kỹ năng hòa giải ở cơ sở; ${CLOSING}`,
    ],
  },
  {
    key: 'hnd',
    code: 'HND',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Hội Nông dân ở cơ sở',
    nameEn: "Political theory and Farmers' Union work at the grassroots",
    category: 'mass',
    numberedCourses: false,
    profile: PROFILES.hnd,
    topics: [
      'Khai giảng; Hội Nông dân Việt Nam: lịch sử, vị trí, vai trò',
      'Điều lệ Hội Nông dân Việt Nam và nghiệp vụ công tác Hội ở chi hội',
      'Phong trào nông dân thi đua sản xuất, kinh doanh giỏi',
      'Quỹ Hỗ trợ nông dân và hướng dẫn vay vốn phát triển sản xuất',
      'Vai trò của Hội Nông dân trong xây dựng nông thôn mới',
      `Kỹ năng tổ chức sinh hoạt chi hội; ${CLOSING}`,
    ],
  },
  {
    key: 'cd',
    code: 'CĐ',
    nameVi: 'Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Công đoàn',
    nameEn: 'Political theory and trade-union work',
    category: 'mass',
    numberedCourses: false,
    profile: PROFILES.cd,
    topics: [
      'Khai giảng; Công đoàn Việt Nam: tính chất, vai trò, chức năng',
      'Điều lệ Công đoàn Việt Nam và hướng dẫn thi hành',
      'Nghiệp vụ công tác công đoàn cơ sở: đại hội, sinh hoạt công đoàn',
      'Công tác tài chính công đoàn cơ sở',
      'Bảo vệ quyền, lợi ích hợp pháp của đoàn viên; thực hiện dân chủ ở cơ sở',
      `Kỹ năng hoạt động công đoàn; ${CLOSING}`,
    ],
  },
  {
    key: 'dvm',
    code: 'ĐVM',
    nameVi: 'Đảng viên mới',
    nameEn: 'New Party members',
    category: 'party',
    numberedCourses: true,
    profile: PROFILES.dvm,
    topics: [
      'Khai giảng; Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh - nền tảng tư tưởng của Đảng',
      'Độc lập dân tộc gắn liền với chủ nghĩa xã hội - mục tiêu, lý tưởng của Đảng',
      'Những nội dung cơ bản của Điều lệ Đảng',
      'Tổ chức cơ sở đảng và nhiệm vụ của đảng viên',
      'Quyền và nghĩa vụ của đảng viên; những điều đảng viên không được làm',
      'Tu dưỡng, rèn luyện đạo đức, lối sống của người đảng viên',
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'Đường lối phát triển kinh tế - xã hội, quốc phòng, an ninh',
      'Lịch sử Đảng bộ tỉnh Kon Tum và Đảng bộ huyện Kon Rẫy',
      `Ôn tập; ${CLOSING}`,
    ],
  },
  {
    key: 'sc',
    code: 'SC',
    nameVi: 'Sơ cấp lý luận chính trị',
    nameEn: 'Elementary political theory',
    category: 'party',
    numberedCourses: true,
    profile: PROFILES.sc,
    topics: [
      'Khai giảng; Những nội dung cơ bản của chủ nghĩa Mác - Lênin (phần 1)',
      'Những nội dung cơ bản của chủ nghĩa Mác - Lênin (phần 2)',
      'Những nội dung cơ bản của tư tưởng Hồ Chí Minh',
      'Khái quát lịch sử Đảng Cộng sản Việt Nam',
      'Hệ thống chính trị ở cơ sở',
      'Xây dựng Đảng về chính trị, tư tưởng và đạo đức',
      'Xây dựng Đảng về tổ chức và cán bộ',
      'Công tác kiểm tra, giám sát và kỷ luật của Đảng',
      'Đường lối phát triển kinh tế của Đảng, chính sách của Nhà nước',
      'Đường lối phát triển văn hóa, xã hội, con người Việt Nam',
      'Quan điểm của Đảng về quốc phòng, an ninh và đối ngoại',
      'Chính sách dân tộc, tôn giáo của Đảng và Nhà nước',
      'Quản lý nhà nước ở cấp xã',
      'Kỹ năng lãnh đạo, quản lý ở cơ sở',
      'Tình hình, nhiệm vụ phát triển kinh tế - xã hội của tỉnh Kon Tum',
      'Ôn tập, thi cuối khóa; bế giảng',
    ],
  },
  {
    key: 'hnqt',
    code: 'HNQT',
    nameVi: 'Hội nghị học tập, quán triệt nghị quyết',
    nameEn: 'Study conference on resolutions',
    category: 'conference',
    numberedCourses: true,
    profile: PROFILES.hnqt,
    topics: ['Học tập, quán triệt nghị quyết'],
  },
];

export const DEFAULT_THRESHOLD = 0.8;

// ---------------------------------------------------------------------------------------------------------------
// Plans (kế hoạch mở lớp): [classes, learners] per kind. 2021: 13 classes planned (Kế hoạch 14-KH/HU, 30/11/2020),
// 12 opened, "chậm hơn so với lộ trình" because of Covid-19. A kind without an entry has no plan item that year.

export type PlanTable = Partial<Record<KindKey, readonly [classes: number, learners: number]>>;

export const PLAN_2021: PlanTable = {
  ntvd: [3, 120],
  btcb: [1, 45],
  dv: [1, 55],
  dtn: [1, 50],
  tg: [1, 50],
  doi: [1, 30],
  mttq: [1, 50],
  hnd: [1, 50],
  cd: [1, 50],
  dvm: [1, 40],
  sc: [1, 40],
};
export const PLAN_2021_APPROVED_AT = '2020-11-30T15:00:00.000+07:00';

/** The plan for the year of `today`; conferences are counted in lượt (learner places). */
export const PLAN_CURRENT: PlanTable = {
  ntvd: [3, 120],
  btcb: [1, 45],
  dv: [1, 50],
  dtn: [1, 50],
  tg: [1, 50],
  doi: [1, 30],
  mttq: [1, 50],
  hnd: [1, 50],
  cd: [1, 50],
  dvm: [2, 70],
  sc: [2, 70],
  hnqt: [4, 800],
};

// ---------------------------------------------------------------------------------------------------------------
// Recognition of equivalent training (xét công nhận tương đương Sơ cấp): 2021 "196 bộ (151 đạt, 45 không đạt)",
// considered in two rounds, each dossiers received over some weeks and one decision of the centre.

export interface EquivalenceRound {
  receivedFrom: string;
  /** Receiving days run on from receivedFrom, working days only. */
  receivingDays: number;
  decisionDate: string;
  decisionRef: string;
  dossiers: number;
  recognised: number;
}

export const EQUIVALENCE_2021: readonly EquivalenceRound[] = [
  {
    receivedFrom: '2021-03-01',
    receivingDays: 30,
    decisionDate: '2021-05-14',
    decisionRef: '08-QĐ/TTCT',
    dossiers: 98,
    recognised: 76,
  },
  {
    receivedFrom: '2021-08-02',
    receivingDays: 30,
    decisionDate: '2021-10-15',
    decisionRef: '21-QĐ/TTCT',
    dossiers: 98,
    recognised: 75,
  },
];

/** Dossiers of the current year still waiting for the round's decision, received over the last weeks. */
export const EQUIVALENCE_PENDING_NOW = 6;

/** Why a dossier was not recognised, as the decision's annex writes it. */
export const NOT_RECOGNISED_NOTES = [
  'Văn bằng không thuộc diện được xét công nhận tương đương',
  'Thiếu bảng điểm toàn khóa học',
  'Chương trình đào tạo chưa đủ nội dung lý luận chính trị theo quy định',
  'Văn bằng chưa được hợp pháp hóa lãnh sự',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Accounts and the fixed people of the demo.

export type InstructorKey = 'lan' | 'minh';

export const STAFF = {
  admin: { username: 'admin', displayName: 'Nguyễn Thị Thu Hà — Giáo vụ', fullName: 'Nguyễn Thị Thu Hà' },
  lan: { username: 'gv.lan', displayName: 'Trần Thị Ngọc Lan', fullName: 'Trần Thị Ngọc Lan' },
  minh: { username: 'gv.minh', displayName: 'Lê Quang Minh', fullName: 'Lê Quang Minh' },
} as const;

/** The learner behind the `hv.demo` account: a youth-union secretary in 2021, a membership candidate now. */
export const DEMO_LEARNER = {
  username: 'hv.demo',
  fullName: 'Y Nhung',
  gender: 'female',
  birthDate: '1997-08-12',
  position: 'Bí thư Chi đoàn',
  unit: 'Chi đoàn thôn 3, xã Đăk Ruồng',
  phone: '0975318246',
  partyStatus: 'candidate' satisfies PartyStatus,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The classes. Schedules are blocks of teaching days with a morning and an afternoon buổi (5 tiết each).

export interface ScheduleBlock {
  start: string;
  days: number;
}

export interface Reuse {
  /** Key of an earlier class whose learners come again. */
  from: string;
  count: number;
  /** Their party status by the time of the later class. */
  partyStatus: PartyStatus;
}

export interface ClassSpec {
  key: string;
  kind: KindKey;
  course: number;
  commune: string;
  location: string;
  /** 2021 classes run on working days; the current ones on consecutive days around `today`. */
  schedule: readonly ScheduleBlock[];
  weekdaysOnly: boolean;
  instructors: readonly InstructorKey[];
  /** Enrolled learners (places), including reused ones and the demo learner. */
  learners: number;
  reuse: readonly Reuse[];
  includesDemoLearner: boolean;
  /** Summoned learners who never came (marked absent throughout). */
  noShows: number;
  /** Index of a session cancelled and made up on the next working day (Covid-19 in 2021). */
  cancelledSession: number | null;
  coordinatingBody: string;
}

const RVE = 'thị trấn Đăk Rve';

const class2021 = (
  spec: Pick<ClassSpec, 'key' | 'kind' | 'learners' | 'instructors' | 'schedule'> &
    Partial<Omit<ClassSpec, 'key' | 'kind' | 'learners' | 'instructors' | 'schedule'>>,
): ClassSpec => ({
  course: 1,
  commune: RVE,
  location: CENTRE_HALL,
  weekdaysOnly: true,
  reuse: [],
  includesDemoLearner: false,
  noShows: 0,
  cancelledSession: null,
  coordinatingBody: '',
  ...spec,
});

const atCommune = (commune: string) => ({ commune, location: communeHall(commune) });

/** The 12 classes of the 2021 report, in its order: 77 + 42 + 55 + 50 + 50 + 30 + 50 + 50 + 50 + 33 + 35 = 522. */
export const CLASSES_2021: readonly ClassSpec[] = [
  class2021({
    key: 'ntvd-1',
    kind: 'ntvd',
    learners: 40,
    instructors: ['lan', 'minh'],
    schedule: [{ start: '2021-03-15', days: 5 }],
  }),
  class2021({
    key: 'ntvd-2',
    kind: 'ntvd',
    course: 2,
    learners: 37,
    instructors: ['lan', 'minh'],
    schedule: [{ start: '2021-10-04', days: 5 }],
    ...atCommune('xã Đăk Ruồng'),
  }),
  class2021({
    key: 'btcb',
    kind: 'btcb',
    learners: 42,
    instructors: ['lan'],
    schedule: [{ start: '2021-04-05', days: 3 }],
  }),
  class2021({
    key: 'dv',
    kind: 'dv',
    learners: 55,
    instructors: ['minh'],
    schedule: [{ start: '2021-05-10', days: 3 }],
    cancelledSession: 3,
    ...atCommune('xã Tân Lập'),
  }),
  class2021({
    key: 'dtn',
    kind: 'dtn',
    learners: 50,
    instructors: ['minh'],
    schedule: [{ start: '2021-04-12', days: 3 }],
    includesDemoLearner: true,
    ...atCommune('xã Đăk Tờ Re'),
  }),
  class2021({
    key: 'tg',
    kind: 'tg',
    learners: 50,
    instructors: ['lan'],
    schedule: [{ start: '2021-06-14', days: 3 }],
  }),
  class2021({
    key: 'doi',
    kind: 'doi',
    learners: 30,
    instructors: ['minh'],
    schedule: [{ start: '2021-07-19', days: 2 }],
    ...atCommune('xã Đăk Tơ Lung'),
  }),
  class2021({
    key: 'mttq',
    kind: 'mttq',
    learners: 50,
    instructors: ['minh'],
    schedule: [{ start: '2021-09-13', days: 3 }],
    ...atCommune('xã Đăk Kôi'),
  }),
  class2021({
    key: 'hnd',
    kind: 'hnd',
    learners: 50,
    instructors: ['lan'],
    schedule: [{ start: '2021-09-20', days: 3 }],
    ...atCommune('xã Đăk Pne'),
  }),
  class2021({
    key: 'cd',
    kind: 'cd',
    learners: 50,
    instructors: ['lan'],
    schedule: [{ start: '2021-10-18', days: 3 }],
  }),
  class2021({
    key: 'dvm',
    kind: 'dvm',
    learners: 33,
    instructors: ['lan'],
    schedule: [{ start: '2021-11-22', days: 5 }],
    // Admitted to the Party after the March Nhận thức về Đảng class.
    reuse: [{ from: 'ntvd-1', count: 6, partyStatus: 'probationary' }],
  }),
  class2021({
    key: 'sc',
    kind: 'sc',
    learners: 35,
    instructors: ['lan', 'minh'],
    // Two đợt of four days, two weeks apart.
    schedule: [
      { start: '2021-11-01', days: 4 },
      { start: '2021-11-15', days: 4 },
    ],
    reuse: [{ from: 'btcb', count: 4, partyStatus: 'full' }],
    coordinatingBody: PROVINCIAL_SCHOOL,
  }),
];

/**
 * The two classes running around `today`: a Nhận thức về Đảng class taught by both instructors (today is its third
 * of five days), and a Sơ cấp class taught by gv.minh alone, between its two đợt.
 */
export const currentClasses = (today: string): ClassSpec[] => [
  {
    key: 'current-ntvd',
    kind: 'ntvd',
    course: 1,
    commune: RVE,
    location: CENTRE_HALL,
    schedule: [{ start: addDays(today, -2), days: 5 }],
    weekdaysOnly: false,
    instructors: ['lan', 'minh'],
    learners: 40,
    reuse: [],
    includesDemoLearner: true,
    noShows: 1,
    cancelledSession: null,
    coordinatingBody: '',
  },
  {
    key: 'current-sc',
    kind: 'sc',
    course: 1,
    commune: RVE,
    location: CENTRE_HALL,
    schedule: [
      { start: addDays(today, -9), days: 4 },
      { start: addDays(today, 4), days: 4 },
    ],
    weekdaysOnly: false,
    instructors: ['minh'],
    learners: 30,
    // The 2021 Đảng viên mới class, full members now.
    reuse: [{ from: 'dvm', count: 4, partyStatus: 'full' }],
    includesDemoLearner: false,
    noShows: 0,
    cancelledSession: null,
    coordinatingBody: PROVINCIAL_SCHOOL,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Roll-call habits and the notes instructors write.

export type Habit = 'steady' | 'busy' | 'struggling';

/** Share of learners with each habit, and the mark odds for each (present, late, leftEarly, excused, absent). */
export const HABITS: readonly (readonly [Habit, number])[] = [
  ['steady', 85],
  ['busy', 12],
  ['struggling', 3],
];

export const MARK_ODDS = {
  steady: [
    ['present', 95],
    ['late', 3],
    ['leftEarly', 0.5],
    ['excused', 1],
    ['absent', 0.5],
  ],
  busy: [
    ['present', 78],
    ['late', 8],
    ['leftEarly', 4],
    ['excused', 6],
    ['absent', 4],
  ],
  struggling: [
    ['present', 55],
    ['late', 5],
    ['leftEarly', 5],
    ['excused', 15],
    ['absent', 20],
  ],
} as const;

export const MARK_NOTES = {
  present: [''],
  late: ['', '', 'Đến muộn 15 phút', 'Đường trơn do mưa, đến muộn'],
  leftEarly: ['Xin về sớm để họp thôn', 'Về sớm, có việc gia đình'],
  excused: [
    'Ốm, có giấy xin phép',
    'Đi công tác theo phân công của xã',
    'Việc gia đình, đã xin phép',
    'Con ốm, đã báo lớp trưởng',
  ],
  absent: ['', '', 'Không liên lạc được'],
} as const;

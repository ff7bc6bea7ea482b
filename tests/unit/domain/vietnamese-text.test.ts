// Vietnamese names: NFC, name parts, the Vietnamese sort order and diacritic-insensitive search, with real names.
import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  foldTonePlacement,
  matchesSearch,
  nfc,
  searchKey,
  splitFullName,
} from '../../../src/domain/vietnamese-text.ts';

describe('nfc', () => {
  it('turns decomposed input (some keyboards) into the composed form and tidies spaces', () => {
    const decomposed = 'Nguyễn  Văn   An '.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Văn An');
    expect(nfc(decomposed)).toBe('Nguyễn Văn An');
  });
});

describe('splitFullName', () => {
  it('splits họ, chữ lót and tên', () => {
    expect(splitFullName('Nguyễn Thị Minh Khai')).toEqual({
      familyName: 'Nguyễn',
      middleName: 'Thị Minh',
      givenName: 'Khai',
    });
    expect(splitFullName('Lê Lợi')).toEqual({ familyName: 'Lê', middleName: '', givenName: 'Lợi' });
    expect(splitFullName('Y Hương')).toEqual({ familyName: 'Y', middleName: '', givenName: 'Hương' });
    expect(splitFullName('  ')).toEqual({ familyName: '', middleName: '', givenName: '' });
  });
});

describe('searchKey and matchesSearch', () => {
  it.each([
    ['Nguyễn Văn A', 'nguyen van a'],
    ['Nguyễn Văn A', 'nguyễn văn a'],
    ['Nguyễn Văn A', 'NGUYEN VAN A'],
    ['Đặng Thị Đào', 'dang thi dao'],
    ['Trần Đức Bo', 'đuc'],
    ['Hồ Thị Thuý', 'thuy'],
    ['A Thuấn', 'thuan'],
  ])('"%s" is found by "%s"', (name, query) => {
    expect(matchesSearch(name, query)).toBe(true);
  });

  it('does not match a different name', () => {
    expect(matchesSearch('Nguyễn Văn An', 'nguyen van b')).toBe(false);
    expect(matchesSearch('Lê Thị Hà', 'hai')).toBe(false);
  });

  it('finds decomposed (NFD) text too', () => {
    expect(searchKey('Phạm Quỳnh Anh'.normalize('NFD'))).toBe('pham quynh anh');
  });
});

describe('foldTonePlacement', () => {
  it('gives old and new tone placement one spelling', () => {
    expect(foldTonePlacement('Hòa')).toBe(foldTonePlacement('Hoà'));
    expect(foldTonePlacement('Thúy')).toBe(foldTonePlacement('Thuý'));
    expect(foldTonePlacement('Khỏe')).toBe(foldTonePlacement('Khoẻ'));
    expect(foldTonePlacement('Hoàn')).toBe('hoàn');
    expect(foldTonePlacement('Hòa')).not.toBe(foldTonePlacement('Hóa'));
  });
});

describe('compareVietnameseNames', () => {
  const sorted = (names: string[]) =>
    names
      .map(splitFullName)
      .sort(compareVietnameseNames)
      .map((p) => [p.familyName, p.middleName, p.givenName].filter(Boolean).join(' '));

  it('sorts by given name first, then middle, then family name', () => {
    expect(sorted(['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Phạm Minh Châu'])).toEqual([
      'Nguyễn Thị An',
      'Lê Văn An',
      'Trần Văn Bình',
      'Phạm Minh Châu',
    ]);
  });

  it('uses the Vietnamese alphabet: a < ă < â, d < đ, o < ô < ơ, u < ư', () => {
    expect(sorted(['Lê Văn Ân', 'Lê Văn Ăn', 'Lê Văn An'])).toEqual(['Lê Văn An', 'Lê Văn Ăn', 'Lê Văn Ân']);
    expect(sorted(['Hồ Văn Đông', 'Hồ Văn Dũng', 'Hồ Văn Em'])).toEqual([
      'Hồ Văn Dũng',
      'Hồ Văn Đông',
      'Hồ Văn Em',
    ]);
    expect(sorted(['Võ Thị Ơn', 'Võ Thị Ôn', 'Võ Thị On'])).toEqual(['Võ Thị On', 'Võ Thị Ôn', 'Võ Thị Ơn']);
    expect(sorted(['Bùi Thị Ưng', 'Bùi Thị Uyên', 'Bùi Thị Vân'])).toEqual([
      'Bùi Thị Uyên',
      'Bùi Thị Ưng',
      'Bùi Thị Vân',
    ]);
  });

  it('orders tones after letters (Hà before Hải before Hạnh) and treats both tone styles alike', () => {
    expect(sorted(['Lê Thị Hạnh', 'Lê Thị Hải', 'Lê Thị Hà'])).toEqual([
      'Lê Thị Hà',
      'Lê Thị Hải',
      'Lê Thị Hạnh',
    ]);
    const a = splitFullName('Trần Thị Hòa');
    const b = splitFullName('Trần Thị Hoà');
    expect(compareVietnameseNames(a, b)).toBe(0);
  });
});

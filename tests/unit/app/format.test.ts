// Vietnamese dates and numbers as the reports write them, and their English equivalents.
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, localToday } from '../../../src/app/i18n/format.ts';

describe('format', () => {
  it('writes dates day first with leading zeros', () => {
    expect(formatDate('2023-02-05')).toBe('05/02/2023');
    expect(formatDate('2026-11-25T08:00:00.000Z')).toBe('25/11/2026');
  });

  it('writes thousands with a dot and decimals with a comma in Vietnamese', () => {
    expect(formatNumber(1546, 'vi')).toBe('1.546');
    expect(formatPercent(1546 / 1607, 'vi')).toBe('96,2%');
    expect(formatPercent(0.34, 'vi')).toBe('34%');
  });

  it('uses English separators in English', () => {
    expect(formatNumber(1546, 'en')).toBe('1,546');
    expect(formatPercent(1546 / 1607, 'en')).toBe('96.2%');
  });

  it('gives today in the device time zone', () => {
    expect(localToday(new Date(2026, 10, 5, 23, 30))).toBe('2026-11-05');
  });
});

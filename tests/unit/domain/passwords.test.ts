// The password rule beyond length: the first guesses, one repeated character and the username are refused.
import { describe, expect, it } from 'vitest';
import { isGuessablePassword, NewPassword } from '../../../src/domain/auth.ts';

describe('new passwords', () => {
  it('need 8 to 200 characters', () => {
    expect(NewPassword.safeParse('7-chars').success).toBe(false);
    expect(NewPassword.safeParse('tám ký tự').success).toBe(true);
    expect(NewPassword.safeParse('x'.repeat(201)).success).toBe(false);
  });

  it('refuses the first guesses, whatever their case and separators', () => {
    for (const p of [
      '12345678',
      'Password1',
      'MatKhau123',
      'mat-khau-123',
      'mat khau 1',
      'DiemDanh',
      'anh yeu em',
    ])
      expect(isGuessablePassword(p, 'gv.lan'), p).toBe(true);
  });

  it('refuses too few different characters and a password containing the username', () => {
    expect(isGuessablePassword('aaaaaaaaaa', 'gv.lan')).toBe(true);
    expect(isGuessablePassword('--------', 'gv.lan')).toBe(true);
    expect(isGuessablePassword('ab-ab-ab-ab', 'gv.lan')).toBe(true);
    expect(isGuessablePassword('GV.Lan-2026', 'gv.lan')).toBe(true);
    expect(isGuessablePassword('2026gvlan!', 'gv.lan')).toBe(true);
  });

  it('accepts a password that is none of those', () => {
    for (const p of ['tre-xanh-bon-mua', 'Hoa sen 1975', 'mat-khau-that-manh'])
      expect(isGuessablePassword(p, 'gv.lan'), p).toBe(false);
    // A very short username is not looked for inside passwords: "an" is in too many words.
    expect(isGuessablePassword('ban-mai-xanh', 'an')).toBe(false);
  });
});

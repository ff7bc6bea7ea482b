// The API's error messages in the request's language (Vietnamese unless Accept-Language prefers English).
// The app shows its own i18next words for each code; these are for API clients, logs and curl users.
import { z } from 'zod';
import type { ErrorCode } from '../../domain/errors.ts';

export type Language = 'vi' | 'en';

export function requestLanguage(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

const MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  badRequest: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  invalidCredentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  tooManyAttempts: {
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
    en: 'Too many failed sign-ins. Try again in {seconds} seconds.',
  },
  unauthenticated: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  sessionRevoked: {
    vi: 'Phiên đăng nhập trên thiết bị này đã bị thu hồi hoặc hết hạn. Vui lòng đăng nhập lại.',
    en: 'This device was signed out or its session expired. Please sign in again.',
  },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  notFound: { vi: 'Không tìm thấy.', en: 'Not found.' },
  conflict: { vi: 'Dữ liệu đã tồn tại.', en: 'This already exists.' },
  weakPassword: {
    vi: 'Mật khẩu quá dễ đoán: không dùng mật khẩu phổ biến, quá ít ký tự khác nhau hay có chứa tên đăng nhập.',
    en: 'This password is too easy to guess: avoid common passwords, too few different characters, or the username.',
  },
  payloadTooLarge: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  unsupportedMediaType: {
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'This content type is not supported.',
  },
  invitationInvalid: {
    vi: 'Đường dẫn mời này không còn dùng được (đã hết hạn hoặc bị thu hồi). Hãy xin trung tâm đường dẫn mới.',
    en: 'This invitation link no longer works (it expired or was revoked). Ask the centre for a new one.',
  },
  invitationNoMatch: {
    vi: 'Họ tên và ngày sinh không khớp với ai trong danh sách lớp. Hãy nhập đúng như trong danh sách học viên.',
    en: 'The full name and birth date match no one on the class list. Enter them as the class list has them.',
  },
  invitationAmbiguous: {
    vi: 'Có hơn một học viên trùng họ tên và ngày sinh trong lớp. Hãy nhờ trung tâm cấp tài khoản.',
    en: 'More than one learner on the list has this name and birth date. Ask the centre for an account.',
  },
  clientTooOld: {
    vi: 'Phiên bản ứng dụng đã cũ. Vui lòng tải lại ứng dụng; các thay đổi chưa gửi vẫn được giữ.',
    en: 'This version of the app is too old. Please reload it; unsent changes are kept.',
  },
  internal: { vi: 'Máy chủ gặp lỗi. Vui lòng thử lại.', en: 'The server had a problem. Please try again.' },
};

export function errorMessage(
  code: ErrorCode,
  lang: Language,
  values: Record<string, string | number> = {},
): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

const zodLocales = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** Parses untrusted input with validation messages in the request's language. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, lang: Language) {
  return schema.safeParse(input, { error: zodLocales[lang] });
}

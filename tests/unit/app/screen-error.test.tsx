// @vitest-environment jsdom
// A screen that fails says so inside the frame, in words that tell a missing file of an older version (reload)
// from a fault; a frame that fails too still leaves the message; another address tries the screen again.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazy, type ReactNode, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../src/app/i18n/i18n.ts';
import {
  isMissingModule,
  ScreenErrorBoundary,
  ScreenGuard,
} from '../../../src/app/ui/ScreenErrorBoundary.tsx';

function Broken(): ReactNode {
  throw new Error('Không đọc được lớp');
}

// What Chromium throws when the file of a screen loaded on first use cannot be fetched.
const missingFile = new TypeError(
  'Failed to fetch dynamically imported module: http://127.0.0.1/assets/ClassRecordPage-Dx1.js',
);
const Missing = lazy(() => Promise.reject(missingFile));

async function show(children: ReactNode, frame?: (message: ReactNode) => ReactNode) {
  const i18n = await initI18n('vi');
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <ScreenErrorBoundary frame={frame}>
          <Suspense fallback={<p>Đang tải…</p>}>{children}</Suspense>
        </ScreenErrorBoundary>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('a screen that cannot be shown', () => {
  beforeEach(() => {
    // React reports the caught error on the console as well; the boundary's own report is checked below.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('tells a file missing from the running version from any other failure', () => {
    expect(isMissingModule(missingFile)).toBe(true);
    expect(isMissingModule(new TypeError('error loading dynamically imported module: /assets/a.js'))).toBe(
      true,
    );
    expect(isMissingModule(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isMissingModule(new Error('Không đọc được lớp'))).toBe(false);
    expect(isMissingModule('dynamically imported module')).toBe(false);
  });

  it('asks for a reload when the screen belongs to a version no longer on the device, inside the frame', async () => {
    await show(<Missing />, (message) => <div data-testid="frame">{message}</div>);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không mở được màn hình này');
    expect(alert).toHaveTextContent('ứng dụng vừa được cập nhật');
    expect(alert).toHaveTextContent('Những gì đã lưu vẫn ở trên máy');
    expect(screen.getByTestId('frame')).toContainElement(alert);
    expect(screen.getByRole('button', { name: 'Tải lại trang' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về trang chính' })).toHaveAttribute('href', '/');
    expect(console.error).toHaveBeenCalledWith('Screen failed', missingFile, expect.any(String));
  });

  it('names any other failure, and shows the message alone when the frame fails too', async () => {
    await show(<Broken />, () => <Broken />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Màn hình gặp lỗi: Không đọc được lớp');
    expect(alert).not.toHaveTextContent('vừa được cập nhật');
  });

  it('tries again at another address: the link home in the message leads out of it', async () => {
    const i18n = await initI18n('vi');
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={['/lop/1/diem-danh']}>
          <ScreenGuard>
            <Routes>
              <Route path="/lop/:classId/diem-danh" element={<Broken />} />
              <Route path="/" element={<p>Buổi học sắp tới</p>} />
            </Routes>
          </ScreenGuard>
        </MemoryRouter>
      </I18nextProvider>,
    );
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('link', { name: 'Về trang chính' }));
    expect(await screen.findByText('Buổi học sắp tới')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

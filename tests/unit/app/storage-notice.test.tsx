// @vitest-environment jsdom
// The warning that the device is short of space, shown on every screen before a write fails for it, and the notice
// when one did.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../src/app/i18n/i18n.ts';
import { isLowOnSpace, LOW_SPACE_BYTES } from '../../../src/app/ui/device-readiness.ts';
import { StorageNotice } from '../../../src/app/ui/StorageNotice.tsx';
import { useUiState } from '../../../src/app/ui/ui-store.ts';

describe('low space', () => {
  afterEach(() => {
    cleanup();
    useUiState.setState({ lowSpace: false, storageFull: false, storage: 'ok' });
  });

  it('is below the threshold of free space, and unknown space is not low', () => {
    expect(isLowOnSpace({ usage: 1e9, free: LOW_SPACE_BYTES - 1 })).toBe(true);
    expect(isLowOnSpace({ usage: 1e9, free: LOW_SPACE_BYTES })).toBe(false);
    expect(isLowOnSpace(null)).toBe(false);
  });

  it('shows a warning in words while space is short, and nothing otherwise', async () => {
    const i18n = await initI18n('vi');
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <StorageNotice />
      </I18nextProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    useUiState.setState({ lowSpace: true });
    rerender(
      <I18nextProvider i18n={i18n}>
        <StorageNotice />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Bộ nhớ máy sắp đầy');
  });

  it('says a write was refused for lack of space, and that nothing was half saved, until dismissed', async () => {
    const i18n = await initI18n('vi');
    useUiState.setState({ storageFull: true });
    render(
      <I18nextProvider i18n={i18n}>
        <StorageNotice />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bộ nhớ của máy đã đầy: thay đổi vừa rồi chưa được lưu (không có gì bị lưu dở).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đã hiểu' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

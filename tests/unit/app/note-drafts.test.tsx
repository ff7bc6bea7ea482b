// @vitest-environment jsdom
// A note half typed on the roll survives the page: kept as it is typed, shown open again on the next roll, dropped
// once saved or given up, and on sign-out.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropAllNoteDrafts, keepNoteDraft, readNoteDrafts } from '../../../src/app/db/note-drafts.ts';
import { NoteEditor } from '../../../src/app/features/roll/NoteEditor.tsx';

const words = {
  note: 'Ghi chú',
  addNote: '+ Ghi chú / lý do',
  placeholder: 'Ví dụ: ốm, có giấy phép của xã',
  save: 'Lưu',
  cancel: 'Huỷ',
};

/** The roll's part: one learner's note, with its draft read when the roll opens. */
function OneNote({ sessionId, onSave }: { sessionId: string; onSave(note: string): Promise<void> }) {
  const [kept] = useState(() => readNoteDrafts(sessionId).get('hv-1'));
  return (
    <NoteEditor
      label="Ghi chú cho Nguyễn Văn An"
      value=""
      words={words}
      kept={kept}
      onDraft={(text) => keepNoteDraft(sessionId, 'hv-1', text)}
      onSave={onSave}
    />
  );
}

describe('note drafts', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('are kept per session and learner, and dropped one by one or all at once', () => {
    keepNoteDraft('buoi-1', 'hv-1', 'Ốm, có giấy');
    keepNoteDraft('buoi-1', 'hv-2', 'Đi công tác xã');
    keepNoteDraft('buoi-2', 'hv-1', 'Về sớm');
    localStorage.setItem('diem-danh.language', 'vi');
    expect(readNoteDrafts('buoi-1')).toEqual(
      new Map([
        ['hv-1', 'Ốm, có giấy'],
        ['hv-2', 'Đi công tác xã'],
      ]),
    );
    keepNoteDraft('buoi-1', 'hv-1', null);
    expect([...readNoteDrafts('buoi-1').keys()]).toEqual(['hv-2']);
    dropAllNoteDrafts();
    expect(readNoteDrafts('buoi-1').size + readNoteDrafts('buoi-2').size).toBe(0);
    expect(localStorage.getItem('diem-danh.language')).toBe('vi');
  });

  it('never stop a note from being typed when the browser refuses to keep them', () => {
    const full = {
      ...localStorage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => keepNoteDraft('buoi-1', 'hv-1', 'Ốm', full)).not.toThrow();
  });

  it('show the note open and half typed on the next roll, until it is saved', async () => {
    const saved = vi.fn(async () => {});
    const first = render(<OneNote sessionId="buoi-1" onSave={saved} />);
    fireEvent.click(screen.getByRole('button', { name: '+ Ghi chú / lý do' }));
    fireEvent.change(screen.getByPlaceholderText(words.placeholder), {
      target: { value: 'Xe hỏng giữa đường' },
    });
    first.unmount();

    const second = render(<OneNote sessionId="buoi-1" onSave={saved} />);
    expect(screen.getByPlaceholderText(words.placeholder)).toHaveValue('Xe hỏng giữa đường');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(saved).toHaveBeenCalledWith('Xe hỏng giữa đường'));
    await screen.findByRole('button', { name: '+ Ghi chú / lý do' });
    second.unmount();

    render(<OneNote sessionId="buoi-1" onSave={saved} />);
    expect(screen.getByRole('button', { name: '+ Ghi chú / lý do' })).toBeInTheDocument();
    expect(readNoteDrafts('buoi-1').size).toBe(0);
  });

  it('go when the note is given up', () => {
    render(<OneNote sessionId="buoi-1" onSave={async () => {}} />);
    fireEvent.click(screen.getByRole('button', { name: '+ Ghi chú / lý do' }));
    fireEvent.change(screen.getByPlaceholderText(words.placeholder), { target: { value: 'Ốm' } });
    expect(readNoteDrafts('buoi-1').get('hv-1')).toBe('Ốm');
    fireEvent.click(screen.getByRole('button', { name: 'Huỷ' }));
    expect(readNoteDrafts('buoi-1').size).toBe(0);
  });
});

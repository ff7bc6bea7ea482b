// A button that opens the phone's camera (or the photo picker on a computer) and hands over the one picture taken.
import type { ChangeEvent } from 'react';

export function PhotoButton({ label, onPhoto }: { label: string; onPhoto(photo: File): Promise<void> }) {
  function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same picture may be chosen again
    if (file) void onPhoto(file);
  }
  return (
    <label className="button secondary">
      {label}
      <input
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        onChange={picked}
      />
    </label>
  );
}

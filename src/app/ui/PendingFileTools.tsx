// Save this device's unsent changes to a file, or send such a file from here (e.g. staff recovering a lost phone's
// work that reached them by USB or a chat app).
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb } from '../db/DbProvider.tsx';
import { usePendingCount } from '../db/outbox.ts';
import { ApiRequestError } from '../sync/http.ts';
import { saveFile } from './save-file.ts';

export function PendingFileTools() {
  const { t } = useTranslation();
  const db = useDb();
  const pending = usePendingCount() ?? 0;
  const [message, setMessage] = useState<string | null>(null);

  // The file's code (and its schemas) is loaded when first used: rarely, and never needed to show a screen.
  const pendingFile = () => import('../sync/pending-file.ts');

  async function save() {
    const { file, name } = await (await pendingFile()).exportPending(db);
    saveFile(new Blob([JSON.stringify(file)], { type: 'application/json' }), name);
    setMessage(t('pendingFile.saved', { count: file.mutations.length }));
  }

  async function send(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    try {
      const summary = await (await pendingFile()).importPending(db, await chosen.text());
      setMessage(t('pendingFile.sent', { ...summary }));
    } catch (err) {
      setMessage(err instanceof ApiRequestError ? t(`errors.${err.code}`) : t('errors.network'));
    }
  }

  return (
    <details className="tools">
      <summary>{t('pendingFile.title')}</summary>
      <div className="tools-body">
        <button
          type="button"
          className="secondary small"
          onClick={() => void save()}
          disabled={pending === 0}
        >
          {t('pendingFile.save', { count: pending })}
        </button>
        <label className="file-button">
          {t('pendingFile.send')}
          <input type="file" accept="application/json,.json" onChange={(e) => void send(e)} />
        </label>
        {message && <p role="status">{message}</p>}
      </div>
    </details>
  );
}

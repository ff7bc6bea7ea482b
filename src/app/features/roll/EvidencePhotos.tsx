// Photos of the signed sign-in sheet, as evidence for the session: taken with the phone's camera (stored on the
// device at once, sent when there is a network), and shown to staff, fetched from the server when taken elsewhere.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb } from '../../db/DbProvider.tsx';
import { keepDownloadedPhoto, type SessionPhoto, useSessionPhotos } from '../../db/photos.ts';
import { isStorageFull } from '../../db/storage-full.ts';
import { formatTime } from '../../i18n/format.ts';
import { PhotoButton } from '../../ui/PhotoButton.tsx';
import { attachSheetPhoto, PhotoTooLargeError, shrinkPhoto } from './evidence.ts';
import type { RollContext } from './roll-actions.ts';

function Photo({ photo, token }: { photo: SessionPhoto; token: string }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!photo.blob) return;
    const objectUrl = URL.createObjectURL(photo.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.blob]);

  async function fetchPhoto() {
    setFailed(false);
    try {
      const res = await fetch(`/api/files/${photo.attachment.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(String(res.status));
      await keepDownloadedPhoto(db, photo.attachment.id, await res.blob());
    } catch {
      setFailed(true);
    }
  }

  const caption = t('evidence.takenAt', { time: formatTime(photo.attachment.takenAt, i18n.language) });
  return (
    <li className="photo">
      {url ? (
        <a href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={caption} />
        </a>
      ) : (
        <button type="button" className="secondary" onClick={() => void fetchPhoto()}>
          {t('evidence.fetch')}
        </button>
      )}
      <span className="muted">{caption}</span>
      {photo.blob && !photo.uploaded && <span className="pill unsent">{t('sync.notOnServer')}</span>}
      {failed && <span role="alert">{t('evidence.fetchFailed')}</span>}
    </li>
  );
}

export function EvidencePhotos({ ctx, token }: { ctx: RollContext; token: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const photos = useSessionPhotos(ctx.session.id);
  const [error, setError] = useState('');

  async function take(file: File) {
    setError('');
    try {
      await attachSheetPhoto(db, ctx, await shrinkPhoto(file));
    } catch (err) {
      setError(
        t(
          err instanceof PhotoTooLargeError
            ? 'evidence.tooLarge'
            : isStorageFull(err)
              ? 'storage.full'
              : 'evidence.failed',
        ),
      );
    }
  }

  return (
    <section className="evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      <PhotoButton label={t('evidence.take')} onPhoto={take} />
      {error && <p role="alert">{error}</p>}
      {photos && photos.length === 0 && <p className="muted">{t('evidence.none')}</p>}
      <ul className="photos">
        {photos?.map((photo) => (
          <Photo key={photo.attachment.id} photo={photo} token={token} />
        ))}
      </ul>
    </section>
  );
}

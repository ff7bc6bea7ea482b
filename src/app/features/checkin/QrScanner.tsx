// The camera, reading QR codes one after another: every decoded code goes to `onCode` (the same code again only
// after a pause, so a card held in view is not counted twice). Without a camera, a photo of the code works too.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoButton } from '../../ui/PhotoButton.tsx';
import { createQrDecoder, type QrDecoder } from './qr-decoder.ts';

const SCAN_EVERY_MS = 200;
const SAME_CODE_PAUSE_MS = 2500;

export function QrScanner({ onCode, onClose }: { onCode(text: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const decoder = useRef<Promise<QrDecoder> | null>(null);
  const [camera, setCamera] = useState<'starting' | 'on' | 'unavailable'>('starting');
  const [photoMessage, setPhotoMessage] = useState('');
  decoder.current ??= createQrDecoder();
  // The latest handler, without restarting the camera each time the roll re-renders.
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { text: '', at: 0 };

    async function scan() {
      if (stopped || !video.current || !canvas.current) return;
      const text = await (await decoder.current!)(video.current, canvas.current).catch(() => null);
      const now = Date.now();
      if (text && !(text === last.text && now - last.at < SAME_CODE_PAUSE_MS)) {
        last = { text, at: now };
        await handler.current(text);
      } else if (text) {
        last.at = now;
      }
      if (!stopped) timer = setTimeout(scan, SCAN_EVERY_MS);
    }

    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        setCamera('on');
        void scan();
      } catch {
        if (!stopped) setCamera('unavailable');
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  async function readPhoto(file: File) {
    if (!canvas.current) return;
    const bitmap = await createImageBitmap(file);
    const text = await (await decoder.current!)(bitmap, canvas.current).catch(() => null);
    bitmap.close();
    setPhotoMessage(text ? '' : t('checkIn.noCodeInPhoto'));
    if (text) await handler.current(text);
  }

  return (
    <section className="scanner" aria-label={t('checkIn.title')}>
      <div className="scanner-view">
        <video ref={video} muted playsInline className={camera === 'on' ? '' : 'hidden'} />
        {camera === 'starting' && <p>{t('checkIn.starting')}</p>}
        {camera === 'unavailable' && <p>{t('checkIn.noCamera')}</p>}
      </div>
      <canvas ref={canvas} hidden />
      <div className="scanner-actions">
        <PhotoButton label={t('checkIn.fromPhoto')} onPhoto={readPhoto} />
        <button type="button" className="secondary" onClick={onClose}>
          {t('checkIn.close')}
        </button>
      </div>
      {photoMessage && <p role="alert">{photoMessage}</p>}
    </section>
  );
}

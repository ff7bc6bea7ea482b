// A QR code drawn as SVG from the code's modules (the qrcode library is loaded only on screens that show one).
import { useEffect, useState } from 'react';

async function qrPath(text: string): Promise<{ size: number; path: string }> {
  const { create } = await import('qrcode');
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) path += `M${x} ${y}h1v1h-1z`;
  }
  return { size: modules.size, path };
}

export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const [qr, setQr] = useState<{ size: number; path: string } | null>(null);
  useEffect(() => {
    let current = true;
    void qrPath(text).then((result) => current && setQr(result));
    return () => {
      current = false;
    };
  }, [text]);
  const quiet = 2; // the blank margin scanners need around the code
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={qr ? `${-quiet} ${-quiet} ${qr.size + 2 * quiet} ${qr.size + 2 * quiet}` : '0 0 1 1'}
      className="qr"
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width="100%" height="100%" fill="#fff" />
      {qr && <path d={qr.path} fill="#000" />}
    </svg>
  );
}

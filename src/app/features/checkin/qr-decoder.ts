// Reads a QR code from a camera frame or a photo. The browser's own BarcodeDetector where it has one (Android
// Chrome, Safari), otherwise jsQR, loaded only when first needed so it never weighs on the first load.

export type QrDecoder = (
  image: HTMLVideoElement | ImageBitmap,
  canvas: HTMLCanvasElement,
) => Promise<string | null>;

interface BarcodeDetectorLike {
  detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code')
      ? new Detector({ formats: ['qr_code'] })
      : null;
  } catch {
    return null;
  }
}

const sizeOf = (image: HTMLVideoElement | ImageBitmap) =>
  image instanceof ImageBitmap
    ? { width: image.width, height: image.height }
    : { width: image.videoWidth, height: image.videoHeight };

export async function createQrDecoder(): Promise<QrDecoder> {
  const native = await nativeDetector();
  if (native) {
    return async (image) => (await native.detect(image))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  return async (image, canvas) => {
    const { width, height } = sizeOf(image);
    if (width === 0 || height === 0) return null;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(image, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height);
    return jsQR(pixels.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

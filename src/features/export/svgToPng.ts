import type { Result } from '../../core/types';

/** The largest canvas browsers draw reliably: 32,767 px a side (Chrome, Firefox), 268 million pixels in all. */
const MAX_SIDE = 32_767;
const MAX_AREA = 268_435_456;

/**
 * Renders an SVG document to a PNG at `scale` device pixels per CSS pixel (2: as on a high-density screen):
 * the SVG is drawn into a canvas that many times larger, then encoded with `canvas.toBlob`.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Result<Blob>> {
  const pixelWidth = Math.ceil(width * scale);
  const pixelHeight = Math.ceil(height * scale);
  if (pixelWidth > MAX_SIDE || pixelHeight > MAX_SIDE || pixelWidth * pixelHeight > MAX_AREA) {
    return {
      ok: false,
      error: {
        message: `The comparison is too large for a PNG (${pixelWidth} × ${pixelHeight} pixels at ${scale}×; browsers draw up to ${MAX_SIDE.toLocaleString('en-US')} a side). Export it as SVG instead, or remove a column.`,
      },
    };
  }
  // A blob: URL is same-origin, so the canvas stays readable (a cross-origin image would taint it).
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, error: { message: 'This browser gave no canvas to draw the PNG on. Export the comparison as SVG instead.' } };
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return { ok: false, error: { message: 'The browser could not encode the PNG (it may be short of memory). Export the comparison as SVG instead.' } };
    return { ok: true, value: blob };
  } catch (error) {
    return {
      ok: false,
      error: { message: 'The browser could not draw the comparison as a PNG. Export it as SVG instead.', cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands a blob to the browser as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked a moment later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import { encode } from 'uqr';

/** Longest link drawn as a QR code: beyond it the modules get too small to scan from a projector or a phone. */
export const QR_MAX_LENGTH = 900;

/** A QR code as one SVG path of unit squares, with its size in modules (including a 4-module quiet zone). */
export interface QrDrawing {
  readonly size: number;
  readonly path: string;
}

/** Draws text as a QR code, or returns undefined when it is too long to scan reliably. */
export function qrDrawing(text: string): QrDrawing | undefined {
  if (text.length === 0 || text.length > QR_MAX_LENGTH) return undefined;
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y]![x]) path += `M${x} ${y}h1v1h-1z`;
  }
  return { size, path };
}

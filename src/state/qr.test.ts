import { describe, expect, it } from 'vitest';
import { QR_MAX_LENGTH, qrDrawing } from './qr';

describe('qrDrawing', () => {
  it('draws a link as dark modules inside a quiet zone', () => {
    const qr = qrDrawing('https://example.org/#s1.abc')!;
    expect(qr.size).toBeGreaterThanOrEqual(21 + 8);
    expect(qr.path).toMatch(/^M4 4h1v1h-1z/);
    // The quiet zone stays light: no module in the first four rows.
    expect(qr.path).not.toMatch(/M\d+ [0-3]h/);
  });

  it('refuses links too long to scan reliably', () => {
    expect(qrDrawing('x'.repeat(QR_MAX_LENGTH + 1))).toBeUndefined();
    expect(qrDrawing('')).toBeUndefined();
    expect(qrDrawing('x'.repeat(QR_MAX_LENGTH))).toBeDefined();
  });
});

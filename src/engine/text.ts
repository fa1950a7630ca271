// Controls (C0, DEL, C1) and the bidirectional marks, embeddings, overrides and isolates, which can make
// "Kế hoạch ‮gpj.exe" read as "Kế hoạch exe.jpg". Tabs and line breaks are left to BREAKS.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/**
 * A name or label as it may be shown: controls and bidirectional formatting characters removed, each run of tabs
 * and line breaks one space. Nothing else changes (no trimming), so a clean text reads back unchanged.
 */
export function cleanText(s: string): string {
  return s.replace(HIDDEN, '').replace(BREAKS, ' ');
}

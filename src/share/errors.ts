/** Every reason a share link can fail to open, one message each in the UI. */
export const SHARE_ERRORS = [
  'empty',
  'tooLong',
  'version',
  'corrupt',
  'tooLarge',
  'unknownTemplate',
  'templateChanged',
  'invalid',
  'truncated',
] as const;

/** Why a share link could not be opened. */
export type ShareError = (typeof SHARE_ERRORS)[number];

/** A failed step of decoding: the reason and, for logs and tests, what exactly was wrong. */
export interface ShareFailure {
  readonly ok: false;
  readonly error: ShareError;
  readonly detail?: string;
}

/** Creates a failure value. */
export function fail(error: ShareError, detail?: string): ShareFailure {
  return detail === undefined ? { ok: false, error } : { ok: false, error, detail };
}

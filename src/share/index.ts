export { encodeShare, decodeShare, ShareEncodeError, MAX_ENCODED, MAX_DECOMPRESSED } from './codec';
export { diffScenario, applyDelta, type ScenarioDelta } from './delta';
export { SHARE_ERRORS, type ShareError, type ShareFailure } from './errors';

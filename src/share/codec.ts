import * as v from 'valibot';
import { callsLogarithm, upgradeFormulas, validateScenario, type Scenario } from '../engine';
import { templateById, templateFingerprint, unstampedFingerprint, type Template } from '../templates';
import { readTemplate } from '../templates/validate-template';
import { deflate, inflate } from './deflate';
import { applyDelta, diffScenario } from './delta';
import { fail, type ShareError, type ShareFailure } from './errors';
import { frame, unframe } from './frame';

/** Longest fragment decoded, in characters; longer ones are refused before any decoding. */
export const MAX_ENCODED = 100_000;

/** Most bytes a fragment may unpack to; decompression stops as soon as it passes this. */
export const MAX_DECOMPRESSED = 1_000_000;

// The compressed JSON: the template's id, its fingerprint and the delta against it. Links made before
// fingerprints have none: they were all made with the template of unstampedFingerprint. "l": 2 marks a link whose
// formulas call LOG or LN since LOG became Excel's base-10 logarithm; in a link without it "log(x)" is the natural
// one. Only those links carry it, so every other link still opens in an older version of the app.
const FORMULA_LANGUAGE = 2;
// A scenario made from one of the planner's own templates carries that template ("T"): the receiver has no copy.
const Payload = v.strictObject({
  t: v.string(),
  f: v.optional(v.string()),
  l: v.optional(v.literal(FORMULA_LANGUAGE)),
  T: v.optional(v.unknown()),
  d: v.unknown(),
});
// Chat apps shorten long links with an ellipsis, and a link at the end of a sentence picks up its period.
// Bounded repeats keep this linear on hostile input.
const TRAILING_JUNK = /(?:…|%E2%80%A6|\.{1,3})$/i;

/** Why encodeShare refused: the link would not open (or the template is not one the app has). */
export class ShareEncodeError extends Error {
  /** The decoding error the link would meet, or an unknown template id. */
  readonly reason: Extract<ShareError, 'unknownTemplate' | 'invalid' | 'tooLarge' | 'tooLong'>;

  constructor(reason: ShareEncodeError['reason'], detail: string) {
    super(`cannot share: ${reason} (${detail})`);
    this.name = 'ShareEncodeError';
    this.reason = reason;
  }
}

/**
 * Encodes a scenario as the link fragment (without "#"), as its differences from its template: a built-in one (given
 * by id or as a template) by the installed revision the link names, one of the planner's own carried in the link.
 * Rejects with ShareEncodeError if no link would open (too long: the scenario is then sent as a file).
 */
export async function encodeShare(scenario: Scenario, from: Template | string): Promise<string> {
  const id = typeof from === 'string' ? from : from.id;
  const builtIn = templateById(id);
  const template = builtIn ?? (typeof from === 'string' ? undefined : from);
  if (!template) throw new ShareEncodeError('unknownTemplate', id);
  // Encoding what validation yields makes the receiver rebuild exactly the same scenario.
  const check = validateScenario(scenario);
  if (!check.ok) throw new ShareEncodeError('invalid', check.issues.join('; '));
  // The delta is taken from the whole scenario, so a scenario made with an earlier revision of the template
  // (a record keeps its whole scenario) still comes back exactly against the installed one the link names.
  const delta = diffScenario(check.scenario, template.scenario);
  const language = callsLogarithm(check.scenario) ? { l: FORMULA_LANGUAGE } : {};
  const carried = builtIn ? {} : { T: template };
  const json = JSON.stringify({ t: template.id, f: templateFingerprint(template), ...language, ...carried, d: delta });
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > MAX_DECOMPRESSED) throw new ShareEncodeError('tooLarge', `${bytes.length} bytes unpacked`);
  const fragment = frame(await deflate(bytes));
  if (fragment.length > MAX_ENCODED) throw new ShareEncodeError('tooLong', `${fragment.length} characters`);
  return fragment;
}

/** A decoded link: the scenario, its template's id and, for one of a planner's own templates, the template itself. */
export type DecodedShare = { ok: true; scenario: Scenario; templateId: string; template?: Template };

/** Decodes a link fragment (with or without "#") into a validated scenario, or the reason it cannot. */
export async function decodeShare(fragment: unknown): Promise<DecodedShare | ShareFailure> {
  if (fragment === undefined || fragment === null) return fail('empty');
  if (typeof fragment !== 'string') return fail('corrupt', `not text but ${typeof fragment}`);
  // One more character for the "#" that location.hash keeps.
  if (fragment.length > MAX_ENCODED + 1) return fail('tooLong', `${fragment.length} characters`);
  const text = fragment.trim().replace(/^#/, '').replace(TRAILING_JUNK, '');
  if (text === '') return fail('empty');
  const framed = unframe(text);
  if (!framed.ok) return framed;
  const inflated = await inflate(framed.bytes, MAX_DECOMPRESSED);
  if (!inflated.ok) return inflated;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch (e) {
    return fail('corrupt', `not UTF-8 JSON: ${String(e)}`);
  }
  const payload = v.safeParse(Payload, json);
  if (!payload.success) return fail('corrupt', 'not a share payload');
  const { t: templateId, f, l, T, d: delta } = payload.output;
  const carried = T === undefined ? undefined : readTemplate(T);
  if (carried && !carried.ok) return fail('invalid', `template: ${carried.issues.join('; ')}`);
  // A link never stands in for a built-in template, nor names another template than the one it carries.
  if (carried && (templateById(templateId) || carried.template.id !== templateId))
    return fail('corrupt', `carries template ${carried.template.id} for ${templateId.slice(0, 60)}`);
  const template = carried?.template ?? templateById(templateId);
  if (!template) return fail('unknownTemplate', templateId.slice(0, 60));
  const madeWith = f ?? unstampedFingerprint(templateId);
  // No app made links without a fingerprint once the template existed.
  if (madeWith === undefined) return fail('corrupt', `no fingerprint for ${templateId}`);
  // The delta only holds differences: against another revision it would give other numbers without a word.
  if (madeWith !== templateFingerprint(template)) {
    return fail(
      'templateChanged',
      `${templateId} ${madeWith.slice(0, 20)}, installed ${templateFingerprint(template)}`,
    );
  }
  const applied = applyDelta(template.scenario, delta);
  if (!applied.ok) return applied;
  const scenario = l === undefined ? upgradeFormulas(applied.scenario) : applied.scenario;
  return carried ? { ok: true, scenario, templateId, template } : { ok: true, scenario, templateId };
}

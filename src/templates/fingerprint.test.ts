import { describe, expect, it } from 'vitest';
import { sectorVar, withInput } from '../engine';
import { templateFingerprint, unstampedFingerprint } from './fingerprint';
import { TEMPLATES } from './index';
import { quangNinh } from './quang-ninh';
import type { Template } from './types';

// Every shipped template's fingerprint, written down when it shipped. Links hold only their differences from
// their template, so a template changed under the same id would reopen every old link with other numbers.
const SHIPPED: Readonly<Record<string, string>> = { 'quang-ninh': '0nrmnyl', 'quang-ninh-2025': '02yon07' };

const CHANGED =
  'changed after it shipped: links and saved scenarios made with it would reopen with other numbers. ' +
  'Put it back as it was, and ship the revision as a new template with a new id (then add its fingerprint here).';

const revised = (scenario: Template['scenario']): Template => ({ ...quangNinh, scenario });

describe('template fingerprints', () => {
  it('keep today’s Quảng Ninh template exactly as it shipped', () => {
    expect(templateFingerprint(quangNinh), `The quang-ninh template ${CHANGED}`).toBe('0nrmnyl');
  });

  it('are written down for every shipped template and unchanged since', () => {
    for (const template of TEMPLATES) {
      const { id } = template;
      const fingerprint = templateFingerprint(template);
      const pinned = Object.hasOwn(SHIPPED, id) ? SHIPPED[id] : undefined;
      const why = pinned
        ? `The ${id} template ${CHANGED}`
        : `The ${id} template is new: add '${id}': '${fingerprint}' above.`;
      expect(fingerprint, why).toBe(pinned);
    }
  });

  it('name the template links and records were made with before they carried a fingerprint', () => {
    expect(unstampedFingerprint('quang-ninh')).toBe(templateFingerprint(quangNinh));
    expect(unstampedFingerprint('ha-noi')).toBeUndefined();
    expect(unstampedFingerprint('__proto__')).toBeUndefined();
  });

  it('change with any figure, label or row order of the scenario', () => {
    const base = templateFingerprint(quangNinh);
    const scenario = quangNinh.scenario;
    const growth = withInput(scenario, sectorVar('manufacturing', 'growth'), 2026, 0.2 + 1e-12);
    const label = { ...scenario, meta: { ...scenario.meta, unit: { vi: 'tỷ đồng', en: 'bn VND' } } };
    const order = { ...scenario, rows: [...scenario.rows].reverse() };
    const seed = { ...scenario, seed: 1 };
    for (const other of [growth, label, order, seed]) expect(templateFingerprint(revised(other))).not.toBe(base);
  });

  it('do not depend on the order keys were written in, nor on sources and presets', () => {
    const { meta, rows, history } = quangNinh.scenario;
    const reordered = revised({ history, rows, meta: { ...meta }, uncertainty: undefined });
    expect(templateFingerprint(reordered)).toBe(templateFingerprint(quangNinh));
    expect(templateFingerprint({ ...quangNinh, sources: {}, presets: [] })).toBe(templateFingerprint(quangNinh));
  });
});

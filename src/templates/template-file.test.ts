import { describe, expect, it } from 'vitest';
import { sectorVar, withInput } from '../engine';
import { templateFingerprint } from './fingerprint';
import { quangNinh } from './quang-ninh';
import { quangNinh2025 } from './quang-ninh-2025';
import {
  MAX_TEMPLATE_FILE,
  parseTemplateFile,
  TEMPLATE_FILE_FORMAT,
  TEMPLATE_FILE_VERSION,
  templateFileText,
} from './template-file';
import type { Template } from './types';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const mine: Template = { ...quangNinh2025, id: 'hai-phong', label: { vi: 'Hải Phòng', en: 'Hai Phong' } };
const edited: Template = {
  ...mine,
  scenario: withInput(mine.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.3),
};
const at = new Date('2026-03-01T08:00:00Z');

function read(text: string): { templates: Template[]; invalid: number } {
  const result = parseTemplateFile(text);
  if ('error' in result) throw new Error(`expected a template file, got ${result.error}`);
  return result;
}

const file = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, ...fields });

describe('a template file', () => {
  it('holds the templates it was written with, each version with its fingerprint intact', () => {
    const text = templateFileText([mine, edited, quangNinh], at);
    expect(JSON.parse(text)).toMatchObject({ format: 'grdp-template', version: 1, exportedAt: at.toISOString() });
    const { templates, invalid } = read(text);
    expect(invalid).toBe(0);
    expect(json(templates)).toEqual(json([mine, edited, quangNinh]));
    expect(templates.map(templateFingerprint)).toEqual([mine, edited, quangNinh].map(templateFingerprint));
  });

  it('read and written again holds the same data', () => {
    const text = templateFileText([mine, edited], at);
    expect(JSON.parse(templateFileText(read(text).templates, at))).toEqual(JSON.parse(text));
    expect(read(templateFileText([], at))).toEqual({ templates: [], invalid: 0 });
  });

  it('gives its valid templates and counts the others', () => {
    const broken = { ...json(mine), presets: 'none' };
    const text = file({ templates: [json(mine), broken, null, 'x', [], { __proto__: json(mine) }] });
    const { templates, invalid } = read(text);
    expect(templates.map((t) => t.id)).toEqual(['hai-phong']);
    expect(invalid).toBe(5);
  });

  it('has its texts cleaned of bidi and control characters, and no prototype names pass', () => {
    const sources = JSON.parse('{"__proto__": {"text": "x"}, "grdp": {"text": "GSO\\u202e"}}') as unknown;
    const sneaky = { ...json(mine), label: 'Hải\u202E Phòng\u0007', sources };
    const [template] = read(file({ templates: [sneaky] })).templates;
    expect(template?.label).toBe('Hải Phòng');
    expect(Object.keys(template!.sources)).toEqual(['grdp']);
    expect(template!.sources.grdp!.text).toBe('GSO');
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });
});

describe('a file that is no template file', () => {
  it.each([
    ['too large', ' '.repeat(MAX_TEMPLATE_FILE + 1), 'tooLarge'],
    ['not JSON', '{"format": "grdp-template",', 'notJson'],
    ['empty', '', 'notJson'],
    ['deeply nested JSON', '['.repeat(1_000_000) + ']'.repeat(1_000_000), 'notTemplateFile'],
    ['plain JSON', '42', 'notTemplateFile'],
    ['null', 'null', 'notTemplateFile'],
    ['a list of templates', JSON.stringify([json(mine)]), 'notTemplateFile'],
    ['a scenario export', JSON.stringify({ format: 'grdp-scenarios', version: 1, scenarios: [] }), 'notTemplateFile'],
    [
      'a format only in __proto__',
      '{"__proto__": {"format": "grdp-template", "version": 1, "templates": []}}',
      'notTemplateFile',
    ],
    ['of a later version', file({ version: 2, templates: [json(mine)] }), 'version'],
    ['without templates', file({ templates: { 'hai-phong': json(mine) } }), 'version'],
  ])('is refused, without throwing, when it is %s', (_what, text, error) => {
    expect(parseTemplateFile(text)).toEqual({ error });
  });
});

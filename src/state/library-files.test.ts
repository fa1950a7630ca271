import { describe, expect, it } from 'vitest';
import { newRecord, type Quarantined } from '../storage';
import { quangNinh } from '../templates/quang-ninh';
import { damagedText, exportText, isShareFragment, linkFragment, parseExport, uniqueName } from './library-files';

describe('parseExport', () => {
  it.each([
    ['not JSON', '{', 'notJson'],
    ['another file', '{"hello": 1}', 'notExport'],
    ['a future version', '{"format": "grdp-scenarios", "version": 9, "scenarios": []}', 'version'],
    ['too large', 'x'.repeat(20_000_001), 'tooLarge'],
  ])('refuses %s', (_what, text, error) => {
    expect(parseExport(text)).toEqual({ ok: false, error });
  });

  it('counts invalid records instead of importing them', () => {
    const text = JSON.stringify({ format: 'grdp-scenarios', version: 1, scenarios: [{ id: 'x' }, null, 5] });
    expect(parseExport(text)).toEqual({ ok: true, valid: [], invalid: 3, templates: [] });
  });

  it('reads back what exportText wrote, record for record', () => {
    const records = [newRecord(quangNinh.scenario, quangNinh.id), newRecord(quangNinh.scenario, quangNinh.id)];
    const text = exportText(records, new Date('2026-11-29T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'grdp-scenarios',
      version: 1,
      exportedAt: '2026-11-29T10:00:00.000Z',
    });
    expect(parseExport(text)).toEqual({ ok: true, valid: records, invalid: 0, templates: [] });
  });

  it('hands on the planner’s templates carried with the scenarios, unread (the importer reads them), else none', () => {
    const own = { ...quangNinh, id: 'tinh-moi', label: 'Tỉnh mới' };
    const text = exportText([newRecord(own.scenario, own.id)], new Date('2026-11-29T10:00:00Z'), [own]);
    const read = parseExport(text);
    expect(read.ok && read.templates).toEqual([JSON.parse(JSON.stringify(own))]);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(parseExport(JSON.stringify({ ...file, templates: 'all' }))).toMatchObject({ ok: true, templates: [] });
  });
});

describe('damagedText', () => {
  it('keeps the raw data of each damaged record under its own format', () => {
    const damaged: Quarantined[] = [{ id: 'q1', key: 'bad', raw: { scenario: 'garbage' }, reason: 'invalid', at: 1 }];
    const file = JSON.parse(damagedText(damaged));
    expect(file.format).toBe('grdp-scenarios-damaged');
    expect(file.records).toEqual(damaged);
    expect(parseExport(damagedText(damaged))).toEqual({ ok: false, error: 'notExport' });
  });
});

describe('uniqueName', () => {
  it('keeps a free name and numbers a taken one from 2', () => {
    expect(uniqueName('Plan', new Set(['Trend']))).toBe('Plan');
    expect(uniqueName('Plan', new Set(['Plan']))).toBe('Plan 2');
    expect(uniqueName('Plan', new Set(['Plan', 'Plan 2', 'Plan 3']))).toBe('Plan 4');
  });
});

describe('linkFragment', () => {
  it('reads whatever the address hash holds, and nothing from an empty one', () => {
    expect(linkFragment('#s1.12.abc')).toBe('s1.12.abc');
    expect(linkFragment('s1.12.abc')).toBe('s1.12.abc');
    expect(linkFragment('#hello')).toBe('hello');
    expect(linkFragment('')).toBeUndefined();
    expect(linkFragment('#')).toBeUndefined();
    expect(linkFragment('#  ')).toBeUndefined();
  });

  it('tells a share link from text that holds no scenario', () => {
    expect(isShareFragment('s1.12.abc')).toBe(true);
    expect(isShareFragment('s2.x')).toBe(true);
    expect(isShareFragment('hello')).toBe(false);
    expect(isShareFragment('s')).toBe(false);
    expect(isShareFragment('share')).toBe(false);
  });
});

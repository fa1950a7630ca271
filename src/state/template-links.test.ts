import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sectorVar, withInput } from '../engine';
import { encodeShare } from '../share';
import { templateFingerprint, type Template } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { openScenarioStore } from '../storage';
import { Library } from './library.svelte';
import { LocaleState } from './locale.svelte';

const own: Template = { ...quangNinh2025, id: 'tinh-moi', label: 'Tỉnh mới' };

async function openedFrom(hash: string, factory = new IDBFactory()): Promise<Library> {
  const store = await openScenarioStore({ indexedDB: factory });
  const library = new Library(new LocaleState('?lang=vi'));
  await library.init(hash, store);
  return library;
}

describe('scenarios of a planner’s own template', () => {
  it('open from a link with the template it carries, which the receiver then has', async () => {
    const scenario = withInput(own.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.031);
    const library = await openedFrom(`#${await encodeShare(scenario, own)}`);
    const doc = library.document.doc!;
    expect(doc.template.id).toBe('tinh-moi');
    expect(templateFingerprint(doc.template)).toBe(templateFingerprint(own));
    expect(doc.sheet.scenario).toStrictEqual(scenario);
    expect(library.templates.choices.map((t) => t.id)).toContain('tinh-moi');
    library.close();
  });

  it('share a link that opens elsewhere with the same template and numbers', async () => {
    const first = await openedFrom(`#${await encodeShare(own.scenario, own)}`);
    const fragment = await first.document.shareFragment();
    first.close();
    const second = await openedFrom(`#${fragment!}`);
    expect(second.document.doc!.template.id).toBe('tinh-moi');
    expect(second.document.doc!.sheet.scenario).toStrictEqual(own.scenario);
    second.close();
  });

  it('keep the carried template with a scenario kept from a link, so it reopens with it in a later visit', async () => {
    const factory = new IDBFactory();
    const scenario = withInput(own.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.031);
    const first = await openedFrom(`#${await encodeShare(scenario, own)}`, factory);
    expect(await first.document.saveShared()).toBe(true);
    first.close();

    const again = await openedFrom('', factory);
    expect(again.document.doc!.template.id).toBe('tinh-moi');
    expect(templateFingerprint(again.document.doc!.template)).toBe(templateFingerprint(own));
    expect(again.document.doc!.sheet.scenario).toStrictEqual(scenario);
    expect(again.templates.choices.map((t) => t.id)).toContain('tinh-moi');
    again.close();
  });

  it('travel in an export file with their template, which a fresh browser then has', async () => {
    const scenario = withInput(own.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.031);
    const sender = await openedFrom(`#${await encodeShare(scenario, own)}`);
    expect(await sender.document.saveShared()).toBe(true);
    const file = sender.exportJson();
    sender.close();
    expect((JSON.parse(file) as { templates?: unknown[] }).templates).toHaveLength(1);

    const factory = new IDBFactory();
    const receiver = await openedFrom('', factory);
    await receiver.imports.importText(file);
    const imported = receiver.records.find((r) => r.scenario.meta.name === scenario.meta.name)!;
    await receiver.open(imported.id);
    expect(receiver.document.doc!.template.id).toBe('tinh-moi');
    expect(receiver.document.doc!.sheet.scenario).toStrictEqual(scenario);
    receiver.close();
    // Stored, not only remembered: the next visit still has it.
    const later = await openedFrom('', factory);
    expect(later.templates.choices.map((t) => t.id)).toContain('tinh-moi');
    later.close();
  });

  it('leave a built-in template out of an export file', async () => {
    const library = await openedFrom('');
    expect(JSON.parse(library.exportJson())).not.toHaveProperty('templates');
    library.close();
  });

  it('import the scenarios of a file whose templates cannot all be read, leaving those out', async () => {
    const sender = await openedFrom(`#${await encodeShare(own.scenario, own)}`);
    expect(await sender.document.saveShared()).toBe(true);
    const file = JSON.parse(sender.exportJson()) as Record<string, unknown[]>;
    sender.close();
    const hostile = [null, { ...own, id: 'khac', scenario: 'x' }, JSON.parse('{"__proto__": {"polluted": 1}}')];
    const receiver = await openedFrom('');
    await receiver.imports.importText(JSON.stringify({ ...file, templates: [...hostile, ...file.templates!] }));
    expect(receiver.records.map((r) => r.scenario.meta.name)).toContain(own.scenario.meta.name);
    expect(receiver.templates.versions.map((t) => t.id)).toEqual(['tinh-moi']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    receiver.close();
  });
});

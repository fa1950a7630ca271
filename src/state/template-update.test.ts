import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { deleteRow, sectorVar, withInput } from '../engine';
import { openScenarioStore, type ScenarioStore } from '../storage';
import { templateFingerprint, type Template } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { Library } from './library.svelte';
import { LocaleState } from './locale.svelte';
import { templateUpdate } from './template-update';

const v1: Template = { ...quangNinh2025, id: 'tinh-moi', label: 'Tỉnh mới' };
// Version 2: the planner's office revised services' base-year value.
const v2: Template = {
  ...v1,
  scenario: {
    ...v1.scenario,
    rows: v1.scenario.rows.map((r) => (r.kind === 'sector' && r.id === 'services' ? { ...r, base: 200000 } : r)),
  },
};
const growth = sectorVar('manufacturing', 'growth');

async function opened(factory: IDBFactory): Promise<Library> {
  const store = await openScenarioStore({ indexedDB: factory });
  const library = new Library(new LocaleState('?lang=vi'));
  await library.init('', store);
  return library;
}

// A library with a scenario made from version 1, one growth cell edited by the planner, then version 2 saved.
async function withEditedScenario(factory = new IDBFactory()): Promise<Library> {
  const library = await opened(factory);
  expect(await (await library.shelf()).saveTemplate(v1)).toBe(true);
  await library.create('tinh-moi');
  const sheet = library.document.doc!.sheet;
  sheet.receive(withInput(sheet.scenario, growth, 2027, 0.31));
  expect(await library.document.flush()).toBe(true);
  expect(await (await library.shelf()).saveTemplate(v2)).toBe(true);
  return library;
}

function services(library: Library): unknown {
  return library.document.doc!.sheet.scenario.rows.find((r) => r.id === 'services');
}

describe('templateUpdate', () => {
  it('offers nothing for a built-in template or the latest version', async () => {
    const library = await opened(new IDBFactory());
    expect(templateUpdate(library.document.doc, library.templates)).toBeUndefined();
    expect(await (await library.shelf()).saveTemplate(v1)).toBe(true);
    await library.create('tinh-moi');
    expect(templateUpdate(library.document.doc, library.templates)).toBeUndefined();
    library.close();
  });

  it('offers the newer version with the numbers before and after', async () => {
    const library = await withEditedScenario();
    const update = templateUpdate(library.document.doc, library.templates);
    expect(update?.from).toStrictEqual(v1);
    expect(update?.to).toStrictEqual(v2);
    if (!update?.move.ok) throw new Error('no move');
    expect(update.move.comparison.grdp).toHaveLength(2);
    const at = update.move.comparison.years.indexOf(v1.scenario.meta.baseYear);
    expect(update.move.comparison.grdp[1]![at]).toBeGreaterThan(update.move.comparison.grdp[0]![at]!);
    library.close();
  });

  it('moves the scenario: the planner’s edit stays, the new version’s figures come in, undo brings it back', async () => {
    const library = await withEditedScenario();
    const update = templateUpdate(library.document.doc, library.templates)!;
    if (!update.move.ok) throw new Error('no move');
    library.document.moveToTemplate(update.to, update.move.scenario);
    const doc = library.document.doc!;
    expect(doc.template).toStrictEqual(v2);
    // The sheet reads sources and what "reset" restores from the new version too.
    expect(doc.sheet.template).toStrictEqual(v2);
    expect(services(library)).toMatchObject({ base: 200000 });
    expect(doc.sheet.inputAt(growth, 2027)).toBe(0.31);
    expect(templateUpdate(doc, library.templates)).toBeUndefined();
    // Undo brings back the numbers and the version they were made with; redo moves again.
    expect(doc.sheet.undo()).toBe(true);
    expect(services(library)).not.toMatchObject({ base: 200000 });
    expect(library.document.doc!.template).toStrictEqual(v1);
    expect(doc.sheet.template).toStrictEqual(v1);
    expect(await library.document.flush()).toBe(true);
    expect(library.document.doc!.record!.templateFingerprint).toBe(templateFingerprint(v1));
    expect(templateUpdate(library.document.doc, library.templates)?.to).toStrictEqual(v2);
    expect(doc.sheet.redo()).toBe(true);
    expect(library.document.doc!.template).toStrictEqual(v2);
    expect(await library.document.flush()).toBe(true);
    expect(library.document.doc!.record!.templateFingerprint).toBe(templateFingerprint(v2));
    library.close();
  });

  it('saves the record with the new version, and the scenario reopens with it', async () => {
    const factory = new IDBFactory();
    const library = await withEditedScenario(factory);
    const update = templateUpdate(library.document.doc, library.templates)!;
    if (!update.move.ok) throw new Error('no move');
    library.document.moveToTemplate(update.to, update.move.scenario);
    expect(await library.document.flush()).toBe(true);
    expect(library.document.doc!.record!.templateFingerprint).toBe(templateFingerprint(v2));
    library.close();

    const again = await opened(factory);
    const doc = again.document.doc!;
    expect(doc.record!.templateFingerprint).toBe(templateFingerprint(v2));
    expect(templateFingerprint(doc.template)).toBe(templateFingerprint(v2));
    expect(services(again)).toMatchObject({ base: 200000 });
    expect(doc.sheet.inputAt(growth, 2027)).toBe(0.31);
    expect(templateUpdate(doc, again.templates)).toBeUndefined();
    again.close();
  });

  it('keeps the version undo went back to when the undo comes while the move is being saved', async () => {
    const factory = new IDBFactory();
    const store = await openScenarioStore({ indexedDB: factory });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    let waiting = 0;
    // A write that waits until the test lets it go, as a slow disk would.
    const slow: ScenarioStore = {
      ...store,
      put: async (record, revision) => {
        if (holding) {
          waiting++;
          await gate;
        }
        return store.put(record, revision);
      },
    };
    const library = new Library(new LocaleState('?lang=vi'));
    await library.init('', slow);
    expect(await (await library.shelf()).saveTemplate(v1)).toBe(true);
    await library.create('tinh-moi');
    const sheet = library.document.doc!.sheet;
    sheet.receive(withInput(sheet.scenario, growth, 2027, 0.31));
    expect(await library.document.flush()).toBe(true);
    expect(await (await library.shelf()).saveTemplate(v2)).toBe(true);
    const update = templateUpdate(library.document.doc, library.templates)!;
    if (!update.move.ok) throw new Error('no move');

    holding = true;
    library.document.moveToTemplate(update.to, update.move.scenario);
    const saving = library.document.flush();
    await vi.waitFor(() => expect(waiting).toBe(1));
    // The move's record is being written now.
    expect(sheet.undo()).toBe(true);
    release();
    expect(await saving).toBe(true);
    expect(await library.document.flush()).toBe(true);
    expect(library.document.doc!.record!.templateFingerprint).toBe(templateFingerprint(v1));
    library.close();

    const again = await opened(factory);
    expect(templateFingerprint(again.document.doc!.template)).toBe(templateFingerprint(v1));
    expect(services(again)).not.toMatchObject({ base: 200000 });
    again.close();
  });

  it('says when the planner’s changes no longer fit the new version', async () => {
    const library = await opened(new IDBFactory());
    expect(await (await library.shelf()).saveTemplate(v1)).toBe(true);
    await library.create('tinh-moi');
    const sheet = library.document.doc!.sheet;
    sheet.receive(withInput(sheet.scenario, 'icor', v1.scenario.meta.baseYear, 5));
    expect(await (await library.shelf()).saveTemplate({ ...v1, scenario: deleteRow(v1.scenario, 'icor') })).toBe(true);
    expect(templateUpdate(library.document.doc, library.templates)?.move.ok).toBe(false);
    library.close();
  });
});

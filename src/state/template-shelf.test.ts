import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openScenarioStore, type ScenarioStore } from '../storage';
import { templateFingerprint, type Template } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { Library } from './library.svelte';
import { LocaleState } from './locale.svelte';

const v1: Template = { ...quangNinh2025, id: 'tinh-moi', label: 'Tỉnh mới' };
// Version 2: services' base-year value revised, so its numbers (and fingerprint) differ.
const v2: Template = {
  ...v1,
  scenario: {
    ...v1.scenario,
    rows: v1.scenario.rows.map((r) => (r.kind === 'sector' && r.id === 'services' ? { ...r, base: 200000 } : r)),
  },
};

async function opened(factory: IDBFactory, wrap = (s: ScenarioStore) => s): Promise<Library> {
  const store = wrap(await openScenarioStore({ indexedDB: factory }));
  const library = new Library(new LocaleState('?lang=vi'));
  await library.init('', store);
  return library;
}

const ids = (library: Library) => library.templates.choices.map((t) => t.id);

describe('deleting the planner’s templates', () => {
  it('deletes a template no scenario uses, for this visit and the next', async () => {
    const factory = new IDBFactory();
    const library = await opened(factory);
    await (await library.shelf()).saveTemplate(v1);
    await (await library.shelf()).saveTemplate(v2);
    expect(await (await library.shelf()).deleteTemplate('tinh-moi')).toEqual({ ok: true, removed: 2, kept: 0 });
    expect(ids(library)).not.toContain('tinh-moi');
    library.close();

    const again = await opened(factory);
    expect(ids(again)).not.toContain('tinh-moi');
    again.close();
  });

  it('keeps the version a saved scenario uses, and that scenario opens with it in a later visit', async () => {
    const factory = new IDBFactory();
    const library = await opened(factory);
    await (await library.shelf()).saveTemplate(v1);
    await library.create('tinh-moi');
    const id = library.document.doc!.record!.id;
    await (await library.shelf()).saveTemplate(v2);
    expect(
      (await (await library.shelf()).versions('tinh-moi')).map((v) => [v.number, v.latest, v.scenarios.length]),
    ).toEqual([
      [1, false, 1],
      [2, true, 0],
    ]);
    expect(await (await library.shelf()).deleteTemplate('tinh-moi')).toEqual({ ok: true, removed: 1, kept: 1 });
    expect(library.templates.versions.map(templateFingerprint)).toEqual([templateFingerprint(v1)]);
    library.close();

    const again = await opened(factory);
    await again.open(id);
    expect(templateFingerprint(again.document.doc!.template)).toBe(templateFingerprint(v1));
    expect(again.templates.versions.map(templateFingerprint)).toEqual([templateFingerprint(v1)]);
    again.close();
  });

  it('deletes one version and leaves the others', async () => {
    const library = await opened(new IDBFactory());
    await (await library.shelf()).saveTemplate(v1);
    await (await library.shelf()).saveTemplate(v2);
    const outcome = await (await library.shelf()).deleteTemplate('tinh-moi', [templateFingerprint(v1)]);
    expect(outcome).toEqual({ ok: true, removed: 1, kept: 0 });
    expect(library.templates.versions.map(templateFingerprint)).toEqual([templateFingerprint(v2)]);
    library.close();
  });

  it('deletes nothing and says so when storage fails', async () => {
    const factory = new IDBFactory();
    let failing = false;
    const library = await opened(factory, (store) => ({
      ...store,
      removeTemplateVersions: (id, keep) =>
        failing ? Promise.reject(new Error('disk gone')) : store.removeTemplateVersions(id, keep),
    }));
    await (await library.shelf()).saveTemplate(v1);
    failing = true;
    expect(await (await library.shelf()).deleteTemplate('tinh-moi')).toEqual({ ok: false });
    expect(library.notice).toMatchObject({ tone: 'error' });
    expect(ids(library)).toContain('tinh-moi');
    library.close();

    const again = await opened(factory);
    expect(ids(again)).toContain('tinh-moi');
    again.close();
  });

  it('refuses to delete a built-in template: a caller’s mistake', async () => {
    const library = await opened(new IDBFactory());
    await expect((await library.shelf()).deleteTemplate(quangNinh2025.id)).rejects.toThrow(/built-in/);
    library.close();
  });
});

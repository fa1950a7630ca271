import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openScenarioStore } from '../storage';
import type { Template } from '../templates';
import { templateFileText } from '../templates/template-file';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { Library } from './library.svelte';
import { LocaleState } from './locale.svelte';

const own: Template = { ...quangNinh2025, id: 'tinh-moi', label: 'Tỉnh mới' };

async function opened(factory = new IDBFactory()): Promise<Library> {
  const store = await openScenarioStore({ indexedDB: factory });
  const library = new Library(new LocaleState('?lang=vi'));
  await library.init('', store);
  return library;
}

describe('the planner’s templates in the library', () => {
  it('saves a template, offers it for new scenarios and keeps it for the next visit', async () => {
    const factory = new IDBFactory();
    const library = await opened(factory);
    expect(await (await library.shelf()).saveTemplate(own)).toBe(true);
    expect(library.templates.choices.map((t) => t.id)).toContain('tinh-moi');
    await library.create('tinh-moi');
    expect(library.document.doc!.template.id).toBe('tinh-moi');
    library.close();

    const again = await opened(factory);
    expect(again.templates.choices.map((t) => t.id)).toContain('tinh-moi');
    again.close();
  });

  it('refuses a built-in template’s id with a notice', async () => {
    const library = await opened();
    expect(await (await library.shelf()).saveTemplate(quangNinh2025)).toBe(false);
    expect(library.notice).toMatchObject({ key: 'library.saveFailed', tone: 'error' });
    library.close();
  });

  it('exports the planner’s templates and imports them in another browser', async () => {
    const library = await opened();
    await (await library.shelf()).saveTemplate(own);
    const text = await (await library.shelf()).exportTemplates(['tinh-moi', quangNinh2025.id, 'unknown']);
    expect((JSON.parse(text) as { templates: Template[] }).templates.map((t) => t.id)).toEqual(['tinh-moi']);
    library.close();

    const other = await opened();
    const result = await (await other.shelf()).importTemplates(text);
    expect(result).toMatchObject({ left: 0 });
    expect('saved' in result && result.saved.map((t) => t.id)).toEqual(['tinh-moi']);
    expect(other.templates.choices.map((t) => t.id)).toContain('tinh-moi');
    other.close();
  });

  it('says why a file is no template file, and counts the templates it leaves out', async () => {
    const library = await opened();
    expect(await (await library.shelf()).importTemplates('{')).toEqual({ error: 'notJson' });
    expect(await (await library.shelf()).importTemplates('{"format":"other"}')).toEqual({ error: 'notTemplateFile' });
    const text = templateFileText([own, quangNinh2025], new Date());
    const result = await (
      await library.shelf()
    ).importTemplates(text.replace('"templates": [', '"templates": [{"id": 1},'));
    expect(result).toMatchObject({ left: 2 });
    library.close();
  });
});

import { describe, expect, it } from 'vitest';
import { withInput } from '../engine';
import { templateFingerprint, TEMPLATES, type Template } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { originOf, TemplateRegistry } from './templates.svelte';

const mine: Template = { ...quangNinh2025, id: 'tinh-moi', label: 'Tỉnh mới' };
const edited: Template = { ...mine, scenario: withInput(mine.scenario, 'manufacturing.growth', 2027, 0.3) };

describe('TemplateRegistry', () => {
  it('offers the built-in templates, then the latest version of each of the planner’s', () => {
    const registry = new TemplateRegistry();
    expect(registry.choices).toEqual(TEMPLATES);
    registry.load([mine, edited]);
    expect(registry.choices).toEqual([...TEMPLATES, edited]);
  });

  it('finds the version a scenario was made with by its fingerprint, else the latest of its id', () => {
    const registry = new TemplateRegistry();
    registry.load([mine, edited]);
    expect(registry.find('tinh-moi', templateFingerprint(mine))).toBe(mine);
    expect(registry.find('tinh-moi', templateFingerprint(edited))).toBe(edited);
    expect(registry.find('tinh-moi', 'unknown')).toBe(edited);
    expect(registry.find('tinh-moi')).toBe(edited);
    expect(registry.find('nope')).toBeUndefined();
  });

  it('always gives the built-in template for a built-in id, and never takes one of the planner’s under it', () => {
    const registry = new TemplateRegistry();
    const impostor = { ...mine, id: quangNinh2025.id };
    registry.load([impostor]);
    expect(registry.find(quangNinh2025.id, templateFingerprint(impostor))).toBe(quangNinh2025);
    expect(registry.versions).toEqual([]);
    expect(() => registry.add(impostor)).toThrow();
  });

  it('keeps one version per set of numbers: a new one is added, a change of sources replaces its version', () => {
    const registry = new TemplateRegistry();
    registry.add(mine);
    registry.add(edited);
    const resourced = { ...mine, sources: { grdp: { text: 'Cục Thống kê' } } };
    registry.add(resourced);
    expect(registry.versions).toEqual([edited, resourced]);
    expect(registry.find('tinh-moi', templateFingerprint(mine))).toBe(resourced);
  });

  it('keeps a version added while storage was being read when the stored ones arrive', () => {
    const registry = new TemplateRegistry();
    registry.add(edited);
    registry.load([mine]);
    expect(registry.versions).toEqual([mine, edited]);
    registry.load([mine, edited]);
    expect(registry.versions).toEqual([mine, edited]);
  });

  it('gives a new record the template’s id and the fingerprint of its version', () => {
    expect(originOf(edited)).toEqual({ templateId: 'tinh-moi', templateFingerprint: templateFingerprint(edited) });
    expect(originOf(edited).templateFingerprint).not.toBe(originOf(mine).templateFingerprint);
  });
});

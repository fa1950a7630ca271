import type { CellInput, EconomicGroup, Label, Scenario, SectorRow } from '../engine';
import type { TemplateIssue } from '../templates';
import { checkTemplate } from '../templates/check-template';
import { readTemplate } from '../templates/validate-template';
import type { SourceNote, Template } from '../templates/types';
import { sourceOf } from './cell-view';
import { UndoHistory } from './history.svelte';
import * as edits from './template-edits';
import * as make from './template-factories';
import type { CopyOptions, NewTemplate } from './template-factories';
import type { Edited, TemplateStatus } from './template-status';
import * as targets from './template-target-edits';
import type { TargetPlace } from './template-target-edits';

export { type CopyOptions, type NewTemplate } from './template-factories';
export { issueStatus, templateStatusText, type TemplateStatus } from './template-status';
export { type TargetPlace } from './template-target-edits';

/**
 * What an edit of the draft did: done, with what the planner should know, or refused with the reason; the messages
 * read with templateStatusText (most keys are the editor's own texts, loaded with it).
 */
export type EditResult<T extends object = object> =
  | ({ readonly ok: true; readonly notes: readonly TemplateStatus[] } & T)
  | { readonly ok: false; readonly problem: TemplateStatus };

/**
 * A template being made or changed: a draft replaced on every edit (sectors, years, figures, targets, sources), the
 * issues checkTemplate finds in it, whether it can be saved, undo and redo. Each edit returns what it did or why not;
 * ids it is given that the draft does not have are a caller's mistake and throw.
 */
export class TemplateEditor {
  #draft = $state.raw<Template>() as Template;
  #history = new UndoHistory<{ before: Template; after: Template }>();

  /** Edits a template as it is (its id and label stay). */
  constructor(template: Template) {
    this.#draft = template;
  }

  /** A copy of a template to edit, under a new id and label ("… (bản sao)"). */
  static fromTemplate(template: Template, options?: CopyOptions): TemplateEditor {
    return new TemplateEditor(make.copyTemplate(template, options));
  }

  /** A template from a scenario: its rows, history and targets, the template's sources, its own changes marked. */
  static fromScenario(scenario: Scenario, template: Template, options?: CopyOptions): TemplateEditor {
    return new TemplateEditor(make.templateFromScenario(scenario, template, options));
  }

  /** An empty template with no sector yet (the first one added becomes the focus), or why its settings cannot be. */
  static empty(spec: NewTemplate, options?: CopyOptions): EditResult<{ editor: TemplateEditor }> {
    const made = make.emptyTemplate(spec, options);
    return made.ok ? { ok: true, notes: [], editor: new TemplateEditor(made.template) } : made;
  }

  /** The draft as it stands; changed only through the editor's methods. */
  get template(): Template {
    return this.#draft;
  }

  /** What checkTemplate finds in the draft: errors block saving, warnings are shown at their fields. */
  readonly issues: TemplateIssue[] = $derived(checkTemplate(this.#draft));
  readonly #read = $derived(readTemplate(this.#draft));
  /** Whether the draft has no error and reads back as a template. */
  readonly canSave = $derived(this.#read.ok && !this.issues.some((i) => i.severity === 'error'));
  /** Whether there is an edit to undo. */
  readonly canUndo = $derived(this.#history.canUndo);
  /** Whether there is an undone edit to redo. */
  readonly canRedo = $derived(this.#history.canRedo);
  /** The draft's sectors in order. */
  readonly sectors: SectorRow[] = $derived(this.#draft.scenario.rows.filter((r) => r.kind === 'sector'));

  /** The issues at a field or inside it ("rows.mining" also gives those of "rows.mining.base"). */
  issuesAt(field: string): TemplateIssue[] {
    const inside = (f: string) => f.startsWith(field) && /^[.@]/.test(f.slice(field.length));
    return this.issues.filter((i) => i.field === field || inside(i.field));
  }

  /** The template as it would be saved (read back, texts cleaned), or undefined while it cannot be. */
  saved(): Template | undefined {
    return this.canSave && this.#read.ok ? this.#read.template : undefined;
  }

  /** The source of a figure: the cell's own, else its row's. */
  sourceOf(variable: string, year: number): SourceNote | undefined {
    return sourceOf(this.#draft, variable, year);
  }

  /** Renames the template. */
  setLabel(label: Label): EditResult {
    return this.#apply(edits.relabel(this.#draft, 'label', label));
  }

  /** Names the region (province). */
  setRegion(label: Label): EditResult {
    return this.#apply(edits.relabel(this.#draft, 'region', label));
  }

  /** Names the unit of the sectors' values ("tỷ đồng"). */
  setUnit(label: Label): EditResult {
    return this.#apply(edits.relabel(this.#draft, 'unit', label));
  }

  /** Moves the base year (before the horizon); the notes count the input cells dropped and ask for new base values. */
  setBaseYear(year: number): EditResult {
    return this.#apply(edits.moveBaseYear(this.#draft, year));
  }

  /** Moves the horizon: rows filled in every year continue into new years; the notes count the cells dropped. */
  setHorizon(year: number): EditResult {
    return this.#apply(edits.moveHorizon(this.#draft, year));
  }

  /** Adds a sector after the others, its id from its label ("Khai khoáng" → khai_khoang); the first is the focus. */
  addSector(label: Label): EditResult<{ id: string }> {
    return this.#apply(edits.addSector(this.#draft, label));
  }

  /** Removes a sector with its history, sources and preset rates; refused for the focus or one other rows use. */
  removeSector(id: string): EditResult {
    return this.#apply(edits.removeSector(this.#draft, id));
  }

  /** Relabels a sector; its id, and so every formula and source, stays. */
  renameSector(id: string, label: Label): EditResult {
    return this.#apply(edits.relabelSector(this.#draft, id, label));
  }

  /** Gives a sector a short name for cards and slides ("CN CBCT"); an empty text removes it. */
  setShortLabel(id: string, label: Label): EditResult {
    return this.#apply(edits.setShortLabel(this.#draft, id, label));
  }

  /** Changes a sector's id; formulas, history, targets, sources and presets follow. */
  setSectorId(id: string, to: string): EditResult {
    return this.#apply(edits.renameSector(this.#draft, id, to));
  }

  /** Moves a sector up (negative) or down among the sectors, stopping at the ends. */
  moveSector(id: string, delta: number): EditResult {
    return this.#apply(edits.moveSector(this.#draft, id, delta));
  }

  /**
   * Splits a sector by fractions of its base value (adding up to 100%): the parts grow and change price as the whole
   * did, so every total stays the same, and carry its sources as assumptions of the split. Refused as removal is.
   */
  splitSector(id: string, parts: readonly { label: Label; fraction: number }[]): EditResult<{ ids: string[] }> {
    return this.#apply(edits.splitSector(this.#draft, id, parts));
  }

  /** Makes a sector the focus of the share targets; targets on the old focus's share move with it. */
  setFocus(id: string): EditResult {
    return this.#apply(edits.focusOn(this.#draft, id));
  }

  /** Puts a sector in an economic group (khu vực) or none. */
  setGroup(id: string, group: EconomicGroup | undefined): EditResult {
    return this.#apply(edits.groupSector(this.#draft, id, group));
  }

  /** Sets a sector's base-year value at current prices (above 0); undefined clears it. */
  setBase(id: string, value: number | undefined): EditResult {
    return this.#apply(edits.setInput(this.#draft, 'base', id, this.#draft.scenario.meta.baseYear, value));
  }

  /** Sets a sector's real growth in a projection year (a fraction above −1, or a formula); undefined clears it. */
  setGrowth(id: string, year: number, input: CellInput | undefined): EditResult {
    return this.#apply(edits.setInput(this.#draft, 'growth', id, year, input));
  }

  /** Sets a sector's price change in a projection year (a fraction above −1, or a formula); undefined clears it. */
  setPrice(id: string, year: number, input: CellInput | undefined): EditResult {
    return this.#apply(edits.setInput(this.#draft, 'price', id, year, input));
  }

  /** Sets a series row's cell from the base year to the horizon; undefined clears it. */
  setSeriesCell(id: string, year: number, input: CellInput | undefined): EditResult {
    return this.#apply(edits.setInput(this.#draft, 'series', id, year, input));
  }

  /** Sets a parameter's value; undefined clears it. */
  setParam(id: string, input: CellInput | undefined): EditResult {
    return this.#apply(edits.setInput(this.#draft, 'param', id, this.#draft.scenario.meta.baseYear, input));
  }

  /** Sets average population (thousands) or the VND-per-USD rate in a year; GRDP per capita starts with the first. */
  setPerCapita(which: 'population' | 'usdRate', year: number, input: CellInput | undefined): EditResult {
    return this.#apply(edits.setPerCapita(this.#draft, which, year, input));
  }

  /** Records an actual figure of a variable (fractions for rates and shares) up to the base year; undefined clears it. */
  setHistory(variable: string, year: number, value: number | undefined): EditResult {
    return this.#apply(edits.setHistory(this.#draft, variable, year, value));
  }

  /** Adds a target set: the first takes the scenario's targets, later ones start empty. */
  addTargetSet(label: Label): EditResult<{ id: string }> {
    return this.#apply(targets.addTargetSet(this.#draft, label));
  }

  /** Removes a target set, refused while a preset uses it; the scenario takes the next set's targets. */
  removeTargetSet(id: string): EditResult {
    return this.#apply(targets.removeTargetSet(this.#draft, id));
  }

  /** Renames a target set. */
  renameTargetSet(id: string, label: Label): EditResult {
    return this.#apply(targets.relabelTargetSet(this.#draft, id, label));
  }

  /**
   * Adds a target on a variable to a set (or, without sets, to the scenario): the focus share for a share target,
   * "grdp_growth" for GRDP growth, per capita… Its floors and ceilings are set by year with setTargetCell.
   */
  addTarget(place: TargetPlace, of: string, label: Label): EditResult<{ id: string }> {
    return this.#apply(targets.addTarget(this.#draft, place, of, label));
  }

  /** Removes a target with its sources. */
  removeTarget(place: TargetPlace, id: string): EditResult {
    return this.#apply(targets.removeTarget(this.#draft, place, id));
  }

  /** Renames a target; its id and sources stay. */
  renameTarget(place: TargetPlace, id: string, label: Label): EditResult {
    return this.#apply(targets.relabelTarget(this.#draft, place, id, label));
  }

  /** Points a target at another variable. */
  setTargetOf(place: TargetPlace, id: string, of: string): EditResult {
    return this.#apply(targets.retarget(this.#draft, place, id, of));
  }

  /** Sets a target's floor (or ceiling) in a year from the base year to the horizon; undefined clears it. */
  setTargetCell(
    place: TargetPlace,
    id: string,
    year: number,
    value: number | undefined,
    bound: 'floor' | 'ceiling' = 'floor',
  ): EditResult {
    return this.#apply(targets.setTargetCell(this.#draft, place, id, year, value, bound));
  }

  /** Sets the source of a figure ("variable@year", or "variable" for its row) and whether it is an assumption. */
  setSource(key: string, text: Label, assumption = false): EditResult {
    return this.#apply(edits.setSource(this.#draft, key, text, assumption));
  }

  /** Undoes the last edit; false when there was none. */
  undo(): boolean {
    const step = this.#history.undo();
    if (step) this.#draft = step.before;
    return !!step;
  }

  /** Redoes the last undone edit; false when there was none. */
  redo(): boolean {
    const step = this.#history.redo();
    if (step) this.#draft = step.after;
    return !!step;
  }

  // A change becomes one undoable step; an edit that changes nothing records none.
  #apply<T extends object>(edit: Edited<T>): EditResult<T> {
    if (!edit.ok) return edit;
    const { template, ...result } = edit;
    if (template !== this.#draft && JSON.stringify(template) !== JSON.stringify(this.#draft)) {
      this.#history.push({ before: this.#draft, after: template });
      this.#draft = template;
    }
    return result as EditResult<T>;
  }
}

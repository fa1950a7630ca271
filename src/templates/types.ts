import type { Label, Scenario, TargetRow } from '../engine';

/** Where a figure comes from: a citation, or an assumption with the reason for it. */
export interface SourceNote {
  readonly text: Label;
  readonly assumption?: boolean;
}

/** A ready-made variant of a template: constant sector growth rates from a year on, with what it assumes. */
export interface Preset {
  readonly id: string;
  readonly label: Label;
  /** What the preset assumes, in a sentence a planner reads before choosing it. */
  readonly assumes: Label;
  readonly fromYear: number;
  /** Real growth per year by sector id, applied to every year from fromYear to the horizon. */
  readonly growth: Readonly<Record<string, number>>;
  /** The target set the scenario is checked against, where the preset is built to meet one. */
  readonly targetSet?: string;
}

/** Targets a scenario can be checked against, as one body adopted them (a resolution, a plan). */
export interface TargetSet {
  readonly id: string;
  /** Its name in the interface, by its figures or by the body that set them. */
  readonly label: Label;
  /** The target rows that replace a scenario's own when the set is chosen. */
  readonly rows: readonly TargetRow[];
}

/** A province template: a scenario and where each of its figures comes from. */
export interface Template {
  readonly id: string;
  readonly label: Label;
  readonly scenario: Scenario;
  /** Source of each input or history cell, keyed "variable@year" (or "variable" for the whole row). */
  readonly sources: Readonly<Record<string, SourceNote>>;
  /** Ready-made variants offered when creating a scenario. */
  readonly presets: readonly Preset[];
  /** The target sets the planner may check against; the scenario starts with the first one's rows. */
  readonly targetSets?: readonly TargetSet[];
  /**
   * Short names of sectors by id, for cards and slides where the full name does not fit ("CN CBCT"); the full name
   * stays the accessible name. Beside the scenario, so they do not change the template's fingerprint.
   */
  readonly shortLabels?: Readonly<Record<string, Label>>;
}

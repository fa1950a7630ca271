import type { Label, Scenario } from '../engine';

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
}

import type { Label, Scenario } from '../engine';

/** Where a figure comes from: a citation, or an assumption with the reason for it. */
export interface SourceNote {
  readonly text: Label;
  readonly assumption?: boolean;
}

/** A province template: a scenario and where each of its figures comes from. */
export interface Template {
  readonly id: string;
  readonly label: Label;
  readonly scenario: Scenario;
  /** Source of each input or history cell, keyed "variable@year" (or "variable" for the whole row). */
  readonly sources: Readonly<Record<string, SourceNote>>;
}

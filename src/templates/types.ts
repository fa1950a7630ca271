import type { Label, Scenario } from '../engine';

/** A province template: a scenario and where each of its figures comes from. */
export interface Template {
  readonly id: string;
  readonly label: Label;
  readonly scenario: Scenario;
  /**
   * Source of each input or history cell, keyed "variable@year" (or "variable" for the whole row).
   * "assumption" (optionally "assumption: why") marks figures that are not sourced.
   */
  readonly sources: Readonly<Record<string, string>>;
}

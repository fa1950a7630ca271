import {
  focusGrowth,
  requiredGrowthFor,
  targetQuestions,
  type RequiredGrowthResult,
  type TargetQuestion,
} from '../engine';
import type { Sheet } from './sheet.svelte';

/** A ready-made question from a target of the scenario's set, with its answer. */
export interface TargetAnswer {
  readonly question: TargetQuestion;
  readonly answer: RequiredGrowthResult;
}

/** "What would it take": the constant focus-sector growth each target of the set needs, worked out when asked. */
export class TargetQuestions {
  readonly #sheet: Sheet;
  open = $state(false);

  constructor(sheet: Sheet) {
    this.#sheet = sheet;
  }

  /** One answer per target year after the base year (GRDP growth as its average); empty until asked. */
  answers: TargetAnswer[] = $derived.by(() => {
    if (!this.open) return [];
    const { scenario, model } = this.#sheet;
    const from = this.#sheet.firstAssumedYear(focusGrowth(scenario.meta));
    return targetQuestions(scenario, model).map((question) => ({
      question,
      answer: requiredGrowthFor(scenario, question, from),
    }));
  });

  /** Shows the answers. */
  ask(): void {
    this.open = true;
  }

  /** Hides the answers. */
  close(): void {
    this.open = false;
  }

  /** Writes an answer's growth into the focus sector's cells, as one undoable edit. */
  apply(answer: RequiredGrowthResult): number {
    if (answer.status !== 'found') return 0;
    return this.#sheet.setCells(answer.edits.map(({ id, year, value }) => ({ id, year, input: value })));
  }
}

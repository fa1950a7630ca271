import {
  focusGrowth,
  requiredFocusGrowth,
  shareQuestions,
  type RequiredGrowthResult,
  type ShareQuestion,
} from '../engine';
import type { Sheet } from './sheet.svelte';

/** A ready-made question from a share target, with its answer. */
export interface TargetAnswer {
  readonly question: ShareQuestion;
  readonly answer: RequiredGrowthResult;
}

/** "What would it take": the constant focus-sector growth each share target needs, worked out when asked. */
export class TargetQuestions {
  readonly #sheet: Sheet;
  open = $state(false);

  constructor(sheet: Sheet) {
    this.#sheet = sheet;
  }

  /** One answer per share target after the base year; empty until asked. */
  answers: TargetAnswer[] = $derived.by(() => {
    if (!this.open) return [];
    const { scenario, model } = this.#sheet;
    const from = this.#sheet.firstAssumedYear(focusGrowth(scenario.meta));
    return shareQuestions(scenario, model).map((question) => ({
      question,
      answer: requiredFocusGrowth(scenario, question.year, question.threshold, from),
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

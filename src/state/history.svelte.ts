/** Largest number of steps an undo history keeps by default. */
export const UNDO_LIMIT = 500;

/** A bounded undo/redo history of steps of any kind; the caller applies what undo and redo hand back. */
export class UndoHistory<T> {
  #undo = $state.raw<readonly T[]>([]);
  #redo = $state.raw<readonly T[]>([]);
  readonly #limit: number;

  constructor(limit = UNDO_LIMIT) {
    if (!(limit >= 1)) throw new RangeError(`An undo history needs room for one step, not ${limit}`);
    this.#limit = limit;
  }

  /** Whether there is a step to undo. */
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** Whether there is an undone step to redo. */
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** Records a new step; the oldest goes past the limit, and what was undone can no longer be redone. */
  push(step: T): void {
    this.#undo = [...this.#undo.slice(-(this.#limit - 1)), step];
    this.#redo = [];
  }

  /** Takes the last step off the history for the caller to revert, or undefined when there is none. */
  undo(): T | undefined {
    const step = this.#undo.at(-1);
    if (step === undefined) return undefined;
    this.#undo = this.#undo.slice(0, -1);
    this.#redo = [...this.#redo, step];
    return step;
  }

  /** Takes the last undone step back for the caller to apply again, or undefined when there is none. */
  redo(): T | undefined {
    const step = this.#redo.at(-1);
    if (step === undefined) return undefined;
    this.#redo = this.#redo.slice(0, -1);
    this.#undo = [...this.#undo, step];
    return step;
  }
}

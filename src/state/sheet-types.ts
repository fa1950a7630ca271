import type { CellError, CellInput, Format, Scenario } from '../engine';
import type { MessageKey } from '../i18n';

/** A message for the status line, translated by the UI. */
export interface Status {
  readonly key: MessageKey;
  readonly args?: Readonly<Record<string, string | number>>;
  /** 'error' when something failed and the planner should act; shown as an alert. */
  readonly tone?: 'error';
  /** A cell error that explains the message (a mistyped range). */
  readonly error?: CellError;
}

/** What the "add row" form asks for. */
export interface CustomRowSpec {
  readonly kind: 'series' | 'formula' | 'param';
  readonly id: string;
  readonly label: string;
  readonly format: Format;
  /** The formula of a formula row, written into every projection year. */
  readonly formula?: string;
  /** The typed value of a parameter. */
  readonly value?: string;
}

/** An input change of one cell. */
export interface CellChange {
  readonly id: string;
  readonly year: number;
  readonly input: CellInput | undefined;
}

/** What the chart's line on the right axis shows: the focus share, or GRDP per capita in USD. */
export type ChartLine = 'share' | 'perCapita';

/** Which optional parts of the sheet are shown. */
export interface SheetViewOptions {
  readonly showHistory: boolean;
  readonly showPrices: boolean;
  readonly chartLine?: ChartLine;
}

/** What a Sheet tells its owner: every change of its scenario (edits, undo, redo, another tab's save). */
export interface SheetOptions extends Partial<SheetViewOptions> {
  readonly onChange?: (scenario: Scenario) => void;
}

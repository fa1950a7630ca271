import type { RowGroup, SheetRow } from '../engine';
import type { LocaleState } from './locale.svelte';

const ROLE_KEYS = {
  value: 'row.value',
  growth: 'row.growth',
  price: 'row.price',
  nominal: 'row.nominal',
  share: 'row.share',
  grdp: 'row.grdp',
  grdpNominal: 'row.grdpNominal',
  grdpGrowth: 'row.grdpGrowth',
} as const;

/** A row's name in the current language: "Manufacturing growth", "GRDP (current prices)", "ICOR". */
export function rowLabel(row: SheetRow, locale: LocaleState): string {
  const name = locale.label(row.label);
  return row.role in ROLE_KEYS ? locale.t(ROLE_KEYS[row.role as keyof typeof ROLE_KEYS], { name }) : name;
}

/** A group heading of the sheet. */
export function groupLabel(group: RowGroup, locale: LocaleState, unit: string): string {
  return locale.t(`grid.group.${group}`, { unit });
}

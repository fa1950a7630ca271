import { quangNinh } from './quang-ninh';
import type { Template } from './types';

export type { SourceNote, Template } from './types';

/** Every province template the app ships, the default first. */
export const TEMPLATES: readonly Template[] = [quangNinh];

/** A template by id, or undefined for an id no template has. */
export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

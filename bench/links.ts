import { encodeShare } from '../src/share';
import { DEFAULT_TEMPLATE, withEditedCells } from '../src/share/fixtures';

const ORIGIN_LENGTH = 60;
const MAX_LINK = 300;

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;
const int = (n: number): string => n.toLocaleString('en-US');

/** Table rows (bench/run.ts format) for the share-link length of the default template with 3, 30 and 300 edited cells. */
export async function benchLinks(): Promise<string[]> {
  const rows: string[] = [];
  for (const count of [3, 30, 300]) {
    const scenario = withEditedCells(count);
    const fragment = await encodeShare(scenario, DEFAULT_TEMPLATE.id);
    // The origin and path, then "#", then the fragment.
    const link = ORIGIN_LENGTH + 1 + fragment.length;
    const horizon =
      scenario.meta.horizon === DEFAULT_TEMPLATE.scenario.meta.horizon ? '' : `, horizon ${scenario.meta.horizon}`;
    const aimed = count === 3;
    rows.push(
      row(
        `Share link, default template with ${count} edited cells${horizon}: characters of the fragment / of the link with a ${ORIGIN_LENGTH}-character origin`,
        `${int(fragment.length)} / ${int(link)}`,
        '—',
        '—',
        aimed ? `link ≤ ${MAX_LINK}` : '—',
        aimed ? (link <= MAX_LINK ? 'yes' : '**no**') : '—',
      ),
    );
  }
  return rows;
}

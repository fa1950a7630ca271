import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dep } from './compile';
import { buildPlan, type CellStep, type GraphNode, type Plan, type Step } from './graph';

const rel = (v: number, lo: number, hi = lo): Dep => ({ v, rel: true, lo, hi });
const abs = (v: number, lo: number, hi = lo): Dep => ({ v, rel: false, lo, hi });

// A row whose every year has the same dependencies (the first year may differ).
function row(length: number, deps: Dep[], first: Dep[] = deps): GraphNode {
  return { deps: Array.from({ length }, (_, i) => (i === 0 ? first : deps)) };
}

const cell = (v: number, i: number, length: number): number => v * length + i;

function stepOf(plan: Plan, v: number): Step {
  const step = plan.steps.find((s) => (s.kind === 'row' ? s.v === v : s.vars.includes(v)));
  if (!step) throw new Error(`no step for ${v}`);
  return step;
}

function cellsStep(plan: Plan, v: number): CellStep {
  const step = stepOf(plan, v);
  if (step.kind !== 'cells') throw new Error(`${v} is evaluated as a row`);
  return step;
}

// The cells one cell reads, clamped to the columns.
function reads(nodes: readonly GraphNode[], v: number, i: number, length: number): number[] {
  const out: number[] = [];
  for (const d of nodes[v]!.deps[i] ?? []) {
    const lo = Math.max(0, d.rel ? i + d.lo : d.lo);
    const hi = Math.min(length - 1, d.rel ? i + d.hi : d.hi);
    for (let j = lo; j <= hi; j++) out.push(cell(d.v, j, length));
  }
  return out;
}

// Checks that running the plan never reads a cell before it is computed, except cells it marks cyclic.
function checkPlan(nodes: readonly GraphNode[], length: number, plan: Plan): void {
  const done = new Set<number>();
  const cyclic = new Set<number>();
  const seen = new Set<number>();
  for (const step of plan.steps) {
    const vars = step.kind === 'row' ? [step.v] : step.vars;
    for (const v of vars) {
      expect(seen.has(v), `variable ${v} appears in two steps`).toBe(false);
      seen.add(v);
    }
    if (step.kind === 'row') {
      for (let i = 0; i < length; i++) {
        for (const c of reads(nodes, step.v, i, length)) {
          expect(done.has(c) || cyclic.has(c), `row ${step.v} year ${i} reads ${c} too early`).toBe(true);
        }
        done.add(cell(step.v, i, length));
      }
      continue;
    }
    for (const c of step.cyclic) cyclic.add(c);
    for (const c of step.order) {
      const v = Math.floor(c / length);
      expect(vars).toContain(v);
      expect(cyclic.has(c), `cell ${c} is both ordered and cyclic`).toBe(false);
      for (const r of reads(nodes, v, c % length, length)) {
        expect(done.has(r) || cyclic.has(r), `cell ${c} reads ${r} too early`).toBe(true);
      }
      done.add(c);
    }
    const all = vars.flatMap((v) => Array.from({ length }, (_, i) => cell(v, i, length)));
    expect([...step.order, ...step.cyclic].sort((a, b) => a - b)).toEqual(all.sort((a, b) => a - b));
  }
  expect(seen.size).toBe(nodes.length);
}

describe('buildPlan', () => {
  it('orders rows dependencies first', () => {
    // 0 reads 1, 1 reads 2 and 3, 3 reads 2.
    const nodes = [row(3, [rel(1, 0)]), row(3, [rel(2, 0), rel(3, 0)]), row(3, []), row(3, [abs(2, 1)])];
    const plan = buildPlan(nodes, 3);
    expect(plan.steps.every((s) => s.kind === 'row')).toBe(true);
    const order = plan.steps.map((s) => (s.kind === 'row' ? s.v : -1));
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(3));
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(1));
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(0));
    checkPlan(nodes, 3, plan);
  });

  it('lists for each row the rows that read it, with how early a change can reach them', () => {
    const nodes = [row(3, [rel(1, 0)]), row(3, [rel(2, 0), rel(1, -1)]), row(3, []), row(3, [abs(2, 1)])];
    const plan = buildPlan(nodes, 3);
    const readers = (u: number) => [...plan.readers[u]!].sort((a, b) => a.v - b.v);
    expect(readers(0)).toEqual([]);
    // Row 0 reads row 1 in the same year: a change from year y reaches it from y.
    expect(readers(1)).toEqual([{ v: 0, shift: 0 }]);
    // Row 3 reads row 2's year 1 from every year, so a change there can reach year 0 (shift 0 − 1).
    expect(readers(2)).toEqual([
      { v: 1, shift: 0 },
      { v: 3, shift: -1 },
    ]);
    expect(readers(3)).toEqual([]);
  });

  it('gives a reader of last year a shift of one year', () => {
    const plan = buildPlan([row(4, []), row(4, [rel(0, -1)])], 4);
    expect(plan.readers[0]).toEqual([{ v: 1, shift: 1 }]);
  });

  it('treats a row that reads only its own earlier years as a row step', () => {
    const nodes = [row(5, [rel(0, -1), abs(1, 0)], [abs(1, 0)]), row(5, [])];
    const plan = buildPlan(nodes, 5);
    expect(stepOf(plan, 0)).toEqual({ kind: 'row', v: 0 });
    checkPlan(nodes, 5, plan);
  });

  it('treats a row that reads a window of its earlier years as a row step', () => {
    const nodes = [row(6, [rel(0, -3, -1)])];
    expect(buildPlan(nodes, 6).steps).toEqual([{ kind: 'row', v: 0 }]);
  });

  it('treats a row that reads a fixed earlier year of itself as a row step', () => {
    // x[2020] read from later years only: year 0 reads nothing of x.
    const nodes = [row(4, [abs(0, 0)], [])];
    expect(buildPlan(nodes, 4).steps).toEqual([{ kind: 'row', v: 0 }]);
  });

  it('evaluates a row that reads its next year cell by cell, last year first', () => {
    const nodes = [{ deps: [[rel(0, 1)], [rel(0, 1)], [rel(0, 1)], []] }];
    const step = cellsStep(buildPlan(nodes, 4), 0);
    expect(Array.from(step.order)).toEqual([3, 2, 1, 0]);
    expect(step.cyclic).toHaveLength(0);
  });

  it('turns rows that read each other into a cells step in a valid order', () => {
    // a(t) reads b(t−1); b(t) reads a(t): neither row can go first, but the cells can.
    const nodes = [row(4, [rel(1, -1)], []), row(4, [rel(0, 0)])];
    const plan = buildPlan(nodes, 4);
    expect(plan.steps).toHaveLength(1);
    const step = cellsStep(plan, 0);
    expect([...step.vars].sort()).toEqual([0, 1]);
    expect(step.cyclic).toHaveLength(0);
    expect(Array.from(step.order)).toEqual([0, 4, 1, 5, 2, 6, 3, 7]);
    checkPlan(nodes, 4, plan);
  });

  it('runs a cells step after the rows it reads and before the rows that read it', () => {
    const nodes = [row(3, []), row(3, [rel(2, -1), rel(0, 0)], [rel(0, 0)]), row(3, [rel(1, 0)]), row(3, [rel(2, 0)])];
    const plan = buildPlan(nodes, 3);
    expect(plan.steps.map((s) => s.kind)).toEqual(['row', 'cells', 'row']);
    checkPlan(nodes, 3, plan);
  });

  it('marks a self-reference in the same year as cyclic', () => {
    const nodes = [{ deps: [[rel(0, 0)], [], []] }];
    const step = cellsStep(buildPlan(nodes, 3), 0);
    expect(Array.from(step.cyclic)).toEqual([0]);
    expect(Array.from(step.order).sort()).toEqual([1, 2]);
  });

  it('lists cells on a cycle as cyclic and orders the cells that are not on it', () => {
    // x(0) ↔ y(0) is a cycle; x(1) is a number and y(1) reads it; x(2) reads y(1).
    const nodes = [{ deps: [[rel(1, 0)], [], [abs(1, 1)]] }, { deps: [[rel(0, 0)], [rel(0, 0)], []] }];
    const plan = buildPlan(nodes, 3);
    const step = cellsStep(plan, 0);
    expect(Array.from(step.cyclic).sort()).toEqual([cell(0, 0, 3), cell(1, 0, 3)]);
    const order = Array.from(step.order);
    expect(order.indexOf(cell(0, 1, 3))).toBeLessThan(order.indexOf(cell(1, 1, 3)));
    expect(order.indexOf(cell(1, 1, 3))).toBeLessThan(order.indexOf(cell(0, 2, 3)));
    checkPlan(nodes, 3, plan);
  });

  it('lists cells that read a cell on a cycle as cyclic too', () => {
    // x(0) ↔ y(0); y(1) reads x(0), so it can never be computed.
    const nodes = [{ deps: [[rel(1, 0)], []] }, { deps: [[rel(0, 0)], [rel(0, -1)]] }];
    const step = cellsStep(buildPlan(nodes, 2), 0);
    expect(Array.from(step.cyclic).sort()).toEqual([0, 2, 3]);
    expect(Array.from(step.order)).toEqual([1]);
    // Only x(0) and y(0) are on the cycle; y(1) merely reads it.
    expect(Array.from(step.onCycle).sort()).toEqual([0, 2]);
  });

  it('treats a whole-row dependency on itself as a cycle for every cell', () => {
    const nodes = [row(3, [abs(0, 0, 2)])];
    const step = cellsStep(buildPlan(nodes, 3), 0);
    expect(Array.from(step.cyclic)).toEqual([0, 1, 2]);
    expect(step.order).toHaveLength(0);
  });

  it('ignores dependencies on years outside the columns', () => {
    const nodes = [row(3, [rel(0, -5), abs(0, 7), rel(0, 1e9), abs(0, -1e9)])];
    expect(buildPlan(nodes, 3).steps).toEqual([{ kind: 'row', v: 0 }]);
  });

  it('handles a chain of many rows without recursion', () => {
    const count = 20_000;
    const nodes = Array.from({ length: count }, (_, v) => row(2, v + 1 < count ? [rel(v + 1, 0)] : []));
    const plan = buildPlan(nodes, 2);
    expect(plan.steps).toHaveLength(count);
    expect(plan.steps[0]).toEqual({ kind: 'row', v: count - 1 });
    expect(plan.steps[count - 1]).toEqual({ kind: 'row', v: 0 });
  });

  it('handles a ring of many rows as one cells step', () => {
    const count = 500;
    const nodes = Array.from({ length: count }, (_, v) => row(2, [rel((v + 1) % count, -1)], []));
    const plan = buildPlan(nodes, 2);
    expect(plan.steps).toHaveLength(1);
    checkPlan(nodes, 2, plan);
  });

  // Cells on a cycle or behind one, found by brute force: cells from which some cell of the same step
  // can reach itself again.
  function expectedCyclic(nodes: readonly GraphNode[], length: number, vars: readonly number[]): number[] {
    const members = new Set(vars);
    const next = (c: number): number[] =>
      reads(nodes, Math.floor(c / length), c % length, length).filter((r) => members.has(Math.floor(r / length)));
    const reach = (from: number): Set<number> => {
      const seen = new Set<number>();
      const stack = next(from);
      while (stack.length) {
        const c = stack.pop()!;
        if (seen.has(c)) continue;
        seen.add(c);
        stack.push(...next(c));
      }
      return seen;
    };
    const cells = vars.flatMap((v) => Array.from({ length }, (_, i) => cell(v, i, length)));
    const onCycle = new Set(cells.filter((c) => reach(c).has(c)));
    return cells.filter((c) => onCycle.has(c) || [...reach(c)].some((r) => onCycle.has(r))).sort((a, b) => a - b);
  }

  it('gives a valid plan for random dependency graphs', () => {
    const graph = fc.integer({ min: 1, max: 5 }).chain((length) =>
      fc.integer({ min: 1, max: 6 }).chain((count) => {
        const dep = fc.oneof(
          fc
            .tuple(fc.nat(count - 1), fc.integer({ min: -3, max: 2 }), fc.nat(2))
            .map(([v, lo, span]) => rel(v, lo, lo + span)),
          fc
            .tuple(fc.nat(count - 1), fc.integer({ min: -1, max: length }), fc.nat(length))
            .map(([v, lo, span]) => abs(v, lo, lo + span)),
        );
        const node = fc.array(fc.array(dep, { maxLength: 3 }), { minLength: length, maxLength: length });
        return fc.tuple(fc.constant(length), fc.array(node, { minLength: count, maxLength: count }));
      }),
    );
    fc.assert(
      fc.property(graph, ([length, deps]) => {
        const nodes: GraphNode[] = deps.map((d) => ({ deps: d }));
        const plan = buildPlan(nodes, length);
        checkPlan(nodes, length, plan);
        for (const step of plan.steps) {
          if (step.kind === 'cells') {
            expect(Array.from(step.cyclic).sort((a, b) => a - b)).toEqual(expectedCyclic(nodes, length, step.vars));
          }
        }
        nodes.forEach((node, v) => {
          // A dependency wholly outside the years reads nothing (its cell is #REF whatever the row holds).
          const reaches = (d: Dep, i: number) =>
            Math.max(0, d.rel ? i + d.lo : d.lo) <= Math.min(length - 1, d.rel ? i + d.hi : d.hi);
          const read = new Set(node.deps.flatMap((cell, i) => cell.filter((d) => reaches(d, i)).map((d) => d.v)));
          read.delete(v);
          for (const w of read) expect(plan.readers[w]!.map((r) => r.v)).toContain(v);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

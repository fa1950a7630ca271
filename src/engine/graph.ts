import type { Dep } from './compile';

/** One variable in the dependency graph: what each of its year cells reads. */
export interface GraphNode {
  /** Dependencies of each year cell, indexed by year. */
  readonly deps: readonly (readonly Dep[])[];
}

/** Evaluate a whole row in year order. */
export interface RowStep {
  readonly kind: 'row';
  readonly v: number;
}

/** Evaluate cells one by one (rows that reference each other); cells in a cycle are listed apart. */
export interface CellStep {
  readonly kind: 'cells';
  readonly vars: readonly number[];
  /** Cell ids (v × length + year index) in evaluation order. */
  readonly order: Int32Array;
  /** Cells that are on a cycle or depend on one. */
  readonly cyclic: Int32Array;
  /** The cells of `cyclic` that lie on a cycle themselves (the rest only read one). */
  readonly onCycle: Int32Array;
}

/** A step of the evaluation plan. */
export type Step = RowStep | CellStep;

/** A variable that reads another, and how early in its row that reading can reach. */
export interface Reader {
  readonly v: number;
  /** The least (reader's year − year read) over the reader's cells: a change from year y reaches it from y + shift. */
  readonly shift: number;
}

/** The evaluation order of a sheet and, for incremental updates, who reads whom. */
export interface Plan {
  readonly steps: readonly Step[];
  /** readers[u]: the variables that read u. */
  readonly readers: readonly (readonly Reader[])[];
}

function forEachCell(dep: Dep, i: number, length: number, visit: (j: number) => void): void {
  const lo = Math.max(0, dep.rel ? i + dep.lo : dep.lo);
  const hi = Math.min(length - 1, dep.rel ? i + dep.hi : dep.hi);
  for (let j = lo; j <= hi; j++) visit(j);
}

// A row can be computed left to right when it reads itself only in earlier years (V(t) from V(t−1)).
function readsItselfOnlyBackward(node: GraphNode, v: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    for (const d of node.deps[i] ?? []) {
      if (d.v !== v) continue;
      const hi = Math.min(length - 1, d.rel ? i + d.hi : d.hi);
      const lo = Math.max(0, d.rel ? i + d.lo : d.lo);
      if (lo <= hi && hi >= i) return false;
    }
  }
  return true;
}

/** Orders evaluation: rows by strongly connected components, cell by cell where rows read each other. */
export function buildPlan(nodes: readonly GraphNode[], length: number): Plan {
  const count = nodes.length;
  const reads: Set<number>[] = nodes.map(() => new Set());
  const shifts: Map<number, number>[] = nodes.map(() => new Map());
  nodes.forEach((node, v) => {
    node.deps.forEach((cell, i) => {
      for (const d of cell) {
        reads[v]!.add(d.v);
        if (d.v === v) continue;
        const lo = Math.max(0, d.rel ? i + d.lo : d.lo);
        const hi = Math.min(length - 1, d.rel ? i + d.hi : d.hi);
        if (lo <= hi) shifts[d.v]!.set(v, Math.min(shifts[d.v]!.get(v) ?? Infinity, i - hi));
      }
    });
  });

  // Tarjan's algorithm, iterative; components come out dependencies first.
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: [number, Iterator<number>][] = [];
    const open = (v: number): void => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      work.push([v, reads[v]!.values()]);
    };
    open(root);
    while (work.length) {
      const [v, it] = work[work.length - 1]!;
      const next = it.next();
      if (!next.done) {
        const w = next.value;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }

  const steps: Step[] = components.map((component) => {
    const v = component[0]!;
    if (component.length === 1 && readsItselfOnlyBackward(nodes[v]!, v, length)) return { kind: 'row', v };
    return cellStep(nodes, component, length);
  });
  return { steps, readers: shifts.map((m) => Array.from(m, ([v, shift]) => ({ v, shift }))) };
}

// Kahn's algorithm over the cells of rows that read each other; what remains sits on or behind a cycle.
function cellStep(nodes: readonly GraphNode[], vars: number[], length: number): CellStep {
  const members = new Set(vars);
  const local = new Map<number, number>();
  vars.forEach((v, k) => local.set(v, k));
  const size = vars.length * length;
  const indegree = new Int32Array(size);
  const readers: number[][] = Array.from({ length: size }, () => []);
  const sources: number[][] = Array.from({ length: size }, () => []);
  vars.forEach((v, k) => {
    for (let i = 0; i < length; i++) {
      const me = k * length + i;
      for (const d of nodes[v]!.deps[i] ?? []) {
        if (!members.has(d.v)) continue;
        const src = local.get(d.v)! * length;
        forEachCell(d, i, length, (j) => {
          readers[src + j]!.push(me);
          sources[me]!.push(src + j);
          indegree[me]!++;
        });
      }
    }
  });
  const queue: number[] = [];
  for (let c = 0; c < size; c++) if (indegree[c] === 0) queue.push(c);
  const order: number[] = [];
  for (let q = 0; q < queue.length; q++) {
    const c = queue[q]!;
    order.push(c);
    for (const r of readers[c]!) if (--indegree[r]! === 0) queue.push(r);
  }
  const toGlobal = (c: number): number => vars[Math.floor(c / length)]! * length + (c % length);
  const cyclic: number[] = [];
  for (let c = 0; c < size; c++) if (indegree[c]! > 0) cyclic.push(c);
  return {
    kind: 'cells',
    vars,
    order: Int32Array.from(order, toGlobal),
    cyclic: Int32Array.from(cyclic, toGlobal),
    onCycle: Int32Array.from(peelReaders(cyclic, readers, sources), toGlobal),
  };
}

// Of the cells left over by Kahn's algorithm, drops those no other left-over cell reads, repeatedly:
// what remains lies on a cycle (or between two), the dropped ones merely depend on one.
function peelReaders(left: readonly number[], readers: readonly number[][], sources: readonly number[][]): number[] {
  const inLeft = new Set(left);
  const outdegree = new Map(left.map((c) => [c, readers[c]!.filter((r) => inLeft.has(r)).length]));
  const queue = left.filter((c) => outdegree.get(c) === 0);
  for (let q = 0; q < queue.length; q++) {
    const c = queue[q]!;
    inLeft.delete(c);
    for (const s of sources[c]!) {
      if (!inLeft.has(s)) continue;
      const d = outdegree.get(s)! - 1;
      outdegree.set(s, d);
      if (d === 0) queue.push(s);
    }
  }
  return left.filter((c) => inLeft.has(c));
}

/**
 * The enterprise tree as it will stand after a registry import: each node's parent is the
 * file's (for rows whose parent column is present) or the database's. Gives every node's final
 * depth and group, and the nodes whose parent chain would loop (a parent that is its own
 * descendant). Pure: tested in tests/unit/excel-registry-tree.test.ts.
 */
export type FinalTree = {
  depth: Map<string, number>;
  root: Map<string, string>;
  /** Nodes on a loop of parents. */
  cycles: Set<string>;
};

export function finalTree(
  dbParent: ReadonlyMap<string, string | null>,
  fileParent: ReadonlyMap<string, string | null>,
): FinalTree {
  const parentOf = (code: string): string | null =>
    fileParent.has(code) ? fileParent.get(code)! : (dbParent.get(code) ?? null);
  const depth = new Map<string, number>();
  const root = new Map<string, string>();
  const cycles = new Set<string>();
  const broken = new Set<string>();
  const nodes = new Set([...dbParent.keys(), ...fileParent.keys()]);

  for (const start of nodes) {
    if (depth.has(start) || broken.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let node: string | null = start;
    while (node !== null && !depth.has(node) && !broken.has(node)) {
      if (onPath.has(node)) {
        path.slice(onPath.get(node)!).forEach((c) => cycles.add(c));
        break;
      }
      onPath.set(node, path.length);
      path.push(node);
      node = parentOf(node);
    }
    if (node !== null && (onPath.has(node) || broken.has(node))) {
      path.forEach((c) => broken.add(c)); // on a loop, or hanging below one: no depth
      continue;
    }
    // Unwind from the top of the walked path: below a known node, or a group of its own.
    let d = node === null ? -1 : depth.get(node)!;
    const top = node === null ? path[path.length - 1]! : root.get(node)!;
    for (let i = path.length - 1; i >= 0; i--) {
      d += 1;
      depth.set(path[i]!, d);
      root.set(path[i]!, top);
    }
  }
  return { depth, root, cycles };
}

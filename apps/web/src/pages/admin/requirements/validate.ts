import {
  passesOnlyThroughMethod,
  REQUIREMENT_LIMITS,
  type TRequirement,
  ZRequirementLeaf,
} from '@puffy/contracts';
import { type DraftNode, toTree } from './draft';
import { LEAF_KINDS } from './leaf-kinds';

/** One thing wrong with a node, as a catalog key (`issue.<key>`) and the numbers its sentence needs. */
export interface NodeIssue {
  key: string;
  values?: Record<string, number | string>;
}

export interface DraftIssues {
  /** Node id → what is wrong with that node. */
  byNode: Map<string, NodeIssue[]>;
  /** Leaf id → the catalog keys of its fields that do not parse. */
  fields: Map<string, Set<string>>;
  count: number;
}

/**
 * The contract's rules for an operator's tree (packages/contracts/src/requirements.ts), checked on the
 * node they concern so the builder can say where: no empty group, N within bounds, one child under
 * `not`, the depth, size and width limits, each leaf's fields, and a method on every way to pass (on
 * the root). The server checks the same again, and what only it can know (that a named campaign exists).
 */
export function validateDraft(root: DraftNode): DraftIssues {
  const byNode = new Map<string, NodeIssue[]>();
  const fields = new Map<string, Set<string>>();
  let count = 0;
  const add = (id: string, issue: NodeIssue) => {
    byNode.set(id, [...(byNode.get(id) ?? []), issue]);
    count += 1;
  };
  let nodes = 0;
  const walk = (node: DraftNode, depth: number) => {
    nodes += 1;
    if (node.type === 'leaf') {
      const parsed = ZRequirementLeaf.safeParse(node.leaf);
      if (!parsed.success) {
        const spec = LEAF_KINDS[node.leaf.kind];
        const bad = new Set<string>();
        for (const issue of parsed.error.issues) {
          const field = spec.fields.find((f) => f.path.every((part, i) => issue.path[i] === part));
          if (field) bad.add(field.key);
        }
        fields.set(node.id, bad);
        add(node.id, { key: 'leafFields' });
      }
      return;
    }
    if (depth > REQUIREMENT_LIMITS.maxDepth)
      add(node.id, { key: 'tooDeep', values: { max: REQUIREMENT_LIMITS.maxDepth } });
    const size = node.children.length;
    if (size === 0) add(node.id, { key: 'emptyGroup' });
    else if (node.kind === 'not' && size !== 1) add(node.id, { key: 'notOne' });
    if (size > REQUIREMENT_LIMITS.maxChildren)
      add(node.id, { key: 'tooWide', values: { max: REQUIREMENT_LIMITS.maxChildren } });
    if (node.kind === 'at_least' && size > 0 && (!Number.isInteger(node.n) || node.n < 1 || node.n > size))
      add(node.id, { key: 'nBounds', values: { max: size } });
    for (const child of node.children) walk(child, depth + 1);
  };
  walk(root, 1);
  if (nodes > REQUIREMENT_LIMITS.maxNodes)
    add(root.id, { key: 'tooMany', values: { max: REQUIREMENT_LIMITS.maxNodes } });
  if (!passesOnlyThroughMethod(toTree(root) as TRequirement)) add(root.id, { key: 'needsMethod' });
  return { byNode, fields, count };
}

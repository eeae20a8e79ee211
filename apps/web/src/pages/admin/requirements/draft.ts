import type { TRequirement, TRequirementLeafKind } from '@puffy/contracts';

/*
 * The builder's working copy of a requirement tree (docs/product/eligibility.md, "Requirements as a
 * tree"): every node has an id the screen keys, drags and reports on; a leaf holds what the operator
 * typed so far, which may not parse yet. `not` is a group of one, so every group edits alike.
 */

export type GroupKind = 'all' | 'any' | 'at_least' | 'not';
export const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'at_least', 'not'];

/** A leaf being edited: its kind and whatever fields the operator has filled in. */
export type LooseLeaf = { kind: TRequirementLeafKind } & Record<string, unknown>;

export type DraftLeaf = { id: string; type: 'leaf'; leaf: LooseLeaf };
export type DraftGroup = { id: string; type: 'group'; kind: GroupKind; n: number; children: DraftNode[] };
export type DraftNode = DraftLeaf | DraftGroup;

let counter = 0;
export const newId = (): string => `n${++counter}`;

export function fromTree(node: TRequirement): DraftNode {
  if (node.kind === 'not')
    return { id: newId(), type: 'group', kind: 'not', n: 1, children: [fromTree(node.child)] };
  if (node.kind === 'all' || node.kind === 'any' || node.kind === 'at_least') {
    return {
      id: newId(),
      type: 'group',
      kind: node.kind,
      n: node.kind === 'at_least' ? node.n : 1,
      children: node.children.map(fromTree),
    };
  }
  return { id: newId(), type: 'leaf', leaf: structuredClone(node) as LooseLeaf };
}

/** The tree as the server takes it (the contract parses it; the builder's own checks come first). */
export function toTree(node: DraftNode): unknown {
  if (node.type === 'leaf') return node.leaf;
  if (node.kind === 'not')
    return { kind: 'not', child: node.children[0] ? toTree(node.children[0]) : undefined };
  return {
    kind: node.kind,
    ...(node.kind === 'at_least' ? { n: node.n } : {}),
    children: node.children.map(toTree),
  };
}

export function findNode(root: DraftNode, id: string): DraftNode | null {
  if (root.id === id) return root;
  if (root.type === 'leaf') return null;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return null;
}

/** The group holding `id` and its place there (null for the root). */
export function parentOf(root: DraftNode, id: string): { group: DraftGroup; index: number } | null {
  if (root.type === 'leaf') return null;
  const index = root.children.findIndex((c) => c.id === id);
  if (index >= 0) return { group: root, index };
  for (const child of root.children) {
    const found = parentOf(child, id);
    if (found) return found;
  }
  return null;
}

/** A copy of the tree with `id` replaced by what `change` makes of it. */
export function updateNode(root: DraftNode, id: string, change: (node: DraftNode) => DraftNode): DraftNode {
  if (root.id === id) return change(root);
  if (root.type === 'leaf') return root;
  return { ...root, children: root.children.map((c) => updateNode(c, id, change)) };
}

export function removeNode(root: DraftNode, id: string): DraftNode {
  if (root.type === 'leaf') return root;
  return { ...root, children: root.children.filter((c) => c.id !== id).map((c) => removeNode(c, id)) };
}

export function insertNode(root: DraftNode, groupId: string, index: number, node: DraftNode): DraftNode {
  return updateNode(root, groupId, (group) => {
    if (group.type === 'leaf') return group;
    const children = [...group.children];
    children.splice(Math.max(0, Math.min(index, children.length)), 0, node);
    return { ...group, children };
  });
}

/**
 * Moves `id` to `index` of group `groupId` (the index counted before the move, as a drop target
 * reads it). A group is never moved into itself or its own descendants; such a move changes nothing.
 */
export function moveNode(root: DraftNode, id: string, groupId: string, index: number): DraftNode {
  const moving = findNode(root, id);
  const from = parentOf(root, id);
  if (!moving || !from || findNode(moving, groupId)) return root;
  const target = from.group.id === groupId && from.index < index ? index - 1 : index;
  return insertNode(removeNode(root, id), groupId, target, moving);
}

/** One place up (-1) or down (+1) within its group. */
export function moveBy(root: DraftNode, id: string, delta: -1 | 1): DraftNode {
  const from = parentOf(root, id);
  if (!from) return root;
  const to = from.index + delta;
  if (to < 0 || to >= from.group.children.length) return root;
  return moveNode(root, id, from.group.id, delta > 0 ? to + 1 : to);
}

/** Every group in reading order, numbered from 1 as the screen labels them. */
export function groupsOf(root: DraftNode): Array<{ group: DraftGroup; number: number; depth: number }> {
  const out: Array<{ group: DraftGroup; number: number; depth: number }> = [];
  const walk = (node: DraftNode, depth: number) => {
    if (node.type === 'leaf') return;
    out.push({ group: node, number: out.length + 1, depth });
    for (const c of node.children) walk(c, depth + 1);
  };
  walk(root, 1);
  return out;
}

/**
 * The node a server field path points at (`requirements.children.1.child.min`), and the rest of the
 * path (the leaf's field), so a refusal lands on its node.
 */
export function nodeAtPath(root: DraftNode, path: string): { node: DraftNode; field: string[] } | null {
  const parts = path.split('.');
  if (parts[0] === 'requirements') parts.shift();
  let node = root;
  while (parts.length > 0 && node.type === 'group') {
    if (parts[0] === 'children' && /^\d+$/.test(parts[1] ?? '')) {
      const next = node.children[Number(parts[1])];
      if (!next) return null;
      node = next;
      parts.splice(0, 2);
    } else if (parts[0] === 'child' && node.children[0]) {
      node = node.children[0];
      parts.shift();
    } else break;
  }
  return { node, field: parts };
}

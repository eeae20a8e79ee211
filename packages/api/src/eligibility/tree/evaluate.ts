import type {
  TExplainedRequirement,
  TRequirement,
  TRequirementLeaf,
  TRequirementOutcome,
} from '@puffy/contracts';
import type { LeafOutcome } from './leaf-outcome';

/**
 * What the evaluator needs from the world, one leaf at a time: fetched lazily, so a leaf the answer does
 * not need is never read (docs/product/eligibility.md, "Requirements as a tree").
 */
export interface LeafResolver {
  /** Relative cost of answering the leaf: database reads are cheap, chain reads are not. */
  cost(leaf: TRequirementLeaf): number;
  resolve(leaf: TRequirementLeaf): Promise<LeafOutcome>;
  /** What the leaf asks for, in words, for a leaf that was not checked. */
  describe(leaf: TRequirementLeaf): string;
}

/** A node as evaluated: the explained node plus, for leaves, what the resolver answered. */
export interface Evaluated {
  node: TRequirement;
  outcome: TRequirementOutcome;
  detail: string;
  /** Leaves that were checked. */
  leaf?: LeafOutcome;
  /** Groups (in evaluation order) and `not` (its one child). */
  children?: Evaluated[];
}

const isGroup = (node: TRequirement): node is Extract<TRequirement, { children: TRequirement[] }> =>
  node.kind === 'all' || node.kind === 'any' || node.kind === 'at_least';

/** A group's cost is its cheapest way to an answer; `not` costs what its child costs. */
export function costOf(node: TRequirement, resolver: LeafResolver): number {
  if (node.kind === 'not') return costOf(node.child, resolver);
  if (isGroup(node)) return Math.min(...node.children.map((c) => costOf(c, resolver)));
  return resolver.cost(node);
}

const needOf = (node: Extract<TRequirement, { children: TRequirement[] }>): number =>
  node.kind === 'all' ? node.children.length : node.kind === 'any' ? 1 : node.n;

function notChecked(node: TRequirement, resolver: LeafResolver, why: string): Evaluated {
  const children = node.kind === 'not' ? [node.child] : isGroup(node) ? node.children : null;
  return {
    node,
    outcome: 'not_checked',
    detail: `Not checked: ${why}.`,
    children: children?.map((c) => notChecked(c, resolver, why)),
  };
}

/**
 * Evaluates the tree: each group tries its children cheapest first (ties keep the written order) and
 * stops as soon as it has passed or can no longer pass. A group's answer is `unknown` only while a child
 * it could not decide (sign-in needed, chain unavailable) could still change it.
 */
export async function evaluateTree(node: TRequirement, resolver: LeafResolver): Promise<Evaluated> {
  if (node.kind === 'not') {
    const inner = await evaluateTree(node.child, resolver);
    const outcome = inner.outcome === 'passed' ? 'failed' : inner.outcome === 'failed' ? 'passed' : 'unknown';
    return { node, outcome, detail: notDetail(outcome, inner), children: [inner] };
  }
  if (!isGroup(node)) {
    const leaf = await resolver.resolve(node);
    const outcome = leaf.state === 'passed' ? 'passed' : leaf.state === 'failed' ? 'failed' : 'unknown';
    return { node, outcome, detail: leaf.detail, leaf };
  }

  const need = needOf(node);
  const order = node.children
    .map((child, index) => ({ child, index, cost: costOf(child, resolver) }))
    .sort((a, b) => a.cost - b.cost || a.index - b.index);
  const children: Evaluated[] = [];
  let passed = 0;
  let unknown = 0;
  for (const [position, { child }] of order.entries()) {
    const left = order.length - position;
    if (passed >= need) {
      children.push(notChecked(child, resolver, 'the group had already passed'));
      continue;
    }
    if (passed + left < need) {
      children.push(notChecked(child, resolver, 'the group could no longer pass'));
      continue;
    }
    const result = await evaluateTree(child, resolver);
    children.push(result);
    if (result.outcome === 'passed') passed += 1;
    else if (result.outcome === 'unknown') unknown += 1;
  }
  const unevaluated = children.filter((c) => c.outcome === 'not_checked').length;
  const outcome: TRequirementOutcome =
    passed >= need ? 'passed' : passed + unknown + unevaluated >= need && unknown > 0 ? 'unknown' : 'failed';
  const result: Evaluated = { node, outcome, detail: '', children };
  result.detail = groupDetail(result, resolver);
  return result;
}

function notDetail(outcome: TRequirementOutcome, inner: Evaluated): string {
  if (outcome === 'passed') return `Does not meet an excluded requirement (${trimDot(inner.detail)}).`;
  if (outcome === 'failed') return `Meets a requirement that excludes: ${trimDot(inner.detail)}.`;
  return `Could not check an excluded requirement: ${trimDot(inner.detail)}.`;
}

const trimDot = (text: string): string => text.replace(/\.$/, '');

function groupDetail(group: Evaluated, resolver: LeafResolver): string {
  const node = group.node;
  const children = group.children ?? [];
  if (group.outcome === 'passed') {
    if (node.kind === 'any') return children.find((c) => c.outcome === 'passed')?.detail ?? 'Met.';
    if (node.kind === 'all') return 'Meets every requirement of this group.';
    return `Meets ${needOf(node as Extract<TRequirement, { children: TRequirement[] }>)} of these requirements.`;
  }
  return `${capitalize(missingText(group, resolver))}.`;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What is still missing under a node that did not pass, in words ("hold 2 more Puffy Genesis or complete
 * 1 more task"): the failed and undecided parts, with a leaf that was never checked described by what it
 * asks for.
 */
export function missingText(evaluated: Evaluated, resolver: LeafResolver): string {
  const node = evaluated.node;
  if (node.kind === 'not') return lower(trimDot(evaluated.detail));
  if (!isGroup(node)) {
    return lower(trimDot(evaluated.outcome === 'not_checked' ? resolver.describe(node) : evaluated.detail));
  }
  const open = (evaluated.children ?? []).filter((c) => c.outcome !== 'passed');
  const parts = open.map((c) => missingText(c, resolver));
  if (node.kind === 'all') return parts.join(' and ');
  if (node.kind === 'any') return parts.join(' or ');
  const passed = (evaluated.children ?? []).length - open.length;
  return `${node.n - passed} more of: ${parts.join('; ')}`;
}

/** The explained tree a member sees: each node's kind, outcome and sentence. */
export function explain(evaluated: Evaluated): TExplainedRequirement {
  const node = evaluated.node;
  return {
    kind: node.kind,
    outcome: evaluated.outcome,
    detail: evaluated.detail,
    ...(node.kind === 'at_least' ? { n: node.n } : {}),
    ...(evaluated.children ? { children: evaluated.children.map(explain) } : {}),
  };
}

/** Every evaluated or skipped leaf of a kind, in evaluation order. */
export function leavesOf<K extends TRequirementLeaf['kind']>(
  evaluated: Evaluated,
  kind: K,
): Array<Evaluated & { node: Extract<TRequirementLeaf, { kind: K }> }> {
  const found: Array<Evaluated & { node: Extract<TRequirementLeaf, { kind: K }> }> = [];
  const walk = (e: Evaluated) => {
    if (e.node.kind === kind) found.push(e as Evaluated & { node: Extract<TRequirementLeaf, { kind: K }> });
    for (const c of e.children ?? []) walk(c);
  };
  walk(evaluated);
  return found;
}

/**
 * The method leaf a passing tree passed through: the first passed method leaf on a passed path outside
 * any `not` (validation guarantees one exists for a stored tree).
 */
export function passingMethodLeaf(
  evaluated: Evaluated,
): (Evaluated & { node: Extract<TRequirementLeaf, { kind: 'method' }> }) | null {
  if (evaluated.outcome !== 'passed' || evaluated.node.kind === 'not') return null;
  if (evaluated.node.kind === 'method')
    return evaluated as Evaluated & { node: Extract<TRequirementLeaf, { kind: 'method' }> };
  for (const child of evaluated.children ?? []) {
    const found = passingMethodLeaf(child);
    if (found) return found;
  }
  return null;
}

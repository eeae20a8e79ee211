import type { TExplainedRequirement, TRequirementOutcome } from '@puffy/contracts';
import { CheckCircle2, CircleDashed, CircleHelp, XCircle } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/cn';

const GROUP_KINDS = new Set<TExplainedRequirement['kind']>(['all', 'any', 'at_least', 'not']);

const OUTCOME_ICON = {
  passed: CheckCircle2,
  failed: XCircle,
  unknown: CircleHelp,
  not_checked: CircleDashed,
} as const satisfies Record<TRequirementOutcome, unknown>;

const OUTCOME_TONE: Record<TRequirementOutcome, string> = {
  passed: 'text-success',
  failed: 'text-destructive',
  unknown: 'text-warning',
  not_checked: 'text-muted-foreground',
};

/** How a group combines its children, in words ("all of", "at least 2 of", "none of"). */
function GroupLabel({ node }: { node: TExplainedRequirement }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  if (node.kind === 'at_least') return <>{t('group.at_least', { count: node.n ?? 1 })}</>;
  return <>{t(`group.${node.kind as 'all' | 'any' | 'not'}`)}</>;
}

function OutcomeMark({ outcome }: { outcome: TRequirementOutcome }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const Icon = OUTCOME_ICON[outcome];
  return (
    <Icon
      role="img"
      aria-label={t(`outcome.${outcome}`)}
      className={cn('mt-0.5 size-4 shrink-0', OUTCOME_TONE[outcome])}
    />
  );
}

/**
 * One node: a leaf is its mark and the server's sentence; a group says how it combines its children
 * and, when it did not pass, what is still missing. On a phone a group that did not pass folds away
 * the children that passed (the failing branch is what the member came for), with a button to show
 * them; from 640 px everything shows.
 */
function RequirementNode({
  node,
  foldedOnPhone = false,
}: {
  node: TExplainedRequirement;
  foldedOnPhone?: boolean;
}) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const [showAll, setShowAll] = useState(false);
  const isGroup = GROUP_KINDS.has(node.kind);
  const children = node.children ?? [];
  const folds = node.outcome !== 'passed';
  const folded = folds && !showAll ? children.filter((c) => c.outcome === 'passed').length : 0;
  return (
    <li
      data-testid="requirement-node"
      data-kind={node.kind}
      data-outcome={node.outcome}
      data-folded={foldedOnPhone || undefined}
      className={cn('grid min-w-0 gap-1.5', foldedOnPhone && 'max-sm:hidden')}
    >
      <div className="flex min-w-0 items-start gap-2">
        <OutcomeMark outcome={node.outcome} />
        <div className="grid min-w-0 gap-0.5 text-sm">
          {isGroup && (
            <span className="font-medium text-foreground">
              <GroupLabel node={node} />
            </span>
          )}
          {(!isGroup || node.outcome !== 'passed') && node.detail && (
            <span className={cn('break-words', isGroup ? 'text-muted-foreground' : 'text-foreground')}>
              {node.detail}
            </span>
          )}
        </div>
      </div>
      {children.length > 0 && (
        <ul className="ml-2 grid gap-1.5 border-l pl-4">
          {children.map((child, index) => (
            <RequirementNode
              // The explained tree has no ids; its shape is fixed for one answer.
              // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity here
              key={index}
              node={child}
              foldedOnPhone={folds && !showAll && child.outcome === 'passed'}
            />
          ))}
          {folded > 0 && (
            <li className="sm:hidden">
              <button
                type="button"
                className="cursor-pointer text-primary text-xs underline-offset-4 hover:underline"
                onClick={() => setShowAll(true)}
              >
                {t('showPassed', { count: folded })}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/** The explained tree of an eligibility answer as a nested checklist: which branch passed, what is missing. */
export function RequirementTree({ tree }: { tree: TExplainedRequirement }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  return (
    <ul aria-label={t('treeLabel')} data-testid="requirement-tree" className="grid gap-1.5">
      <RequirementNode node={tree} />
    </ul>
  );
}

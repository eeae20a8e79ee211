import { type TRequirement, ZRequirementTree } from '@puffy/contracts';
import { RotateCcw, Save, Undo2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/error-message';
import { SkeletonText } from '../../../components/skeleton';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/errors';
import { trpc } from '../../../lib/trpc';
import { AdminPage } from '../admin-page';
import { DoneNote } from '../controls';
import { BuilderContext, type BuilderState, type Choice } from './builder-context';
import { type DraftNode, fromTree, newId, nodeAtPath, toTree } from './draft';
import { LivePreview } from './live-preview';
import { GroupEditor } from './node-editor';
import { validateDraft } from './validate';

/** Where a new tree starts: the campaign's own, else the rule its methods convert to, else one method. */
function startingDraft(stored: TRequirement | null, effective: TRequirement | null): DraftNode {
  const start = stored ?? effective;
  const draft = start ? fromTree(start) : null;
  if (draft?.type === 'group') return draft;
  return { id: newId(), type: 'group', kind: 'all', n: 1, children: draft ? [draft] : [] };
}

/** The server's refusals of a save, on the node each names; what names no node stays with the page. */
function refusalsOf(root: DraftNode, error: unknown): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const [path, messages] of Object.entries(describeError(error).fieldErrors)) {
    const found = nodeAtPath(root, path);
    if (!found) continue;
    byNode.set(found.node.id, [...(byNode.get(found.node.id) ?? []), ...messages]);
  }
  return byNode;
}

/**
 * `campaigns/:id/requirements`: the visual builder of a campaign's requirement tree
 * (docs/product/eligibility.md). Every edit is checked on its node; the draft is previewed against a
 * wallet as it changes; saving writes it with its audit entry; clearing returns to the methods.
 */
export default function RequirementsBuilderPage() {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const campaignId = Number(useParams().id);
  const current = trpc.admin.requirements.get.useQuery({ campaignId });
  const detail = trpc.admin.campaigns.get.useQuery({ campaignId });
  const others = trpc.admin.campaigns.list.useQuery({ limit: 100 });
  if (current.isPending || detail.isPending) return <SkeletonText lines={8} label={t('builder.loading')} />;
  if (current.error) return <ErrorMessage error={current.error} onRetry={() => current.refetch()} />;
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={() => detail.refetch()} />;
  const campaigns: Choice[] = (others.data?.items ?? [])
    .filter((c) => c.id !== campaignId)
    .map((c) => ({ id: c.id, name: c.name }));
  const activities: Choice[] = detail.data.activities.map((a) => ({ id: a.activityId, name: a.name }));
  return (
    <Builder
      key={campaignId}
      campaignId={campaignId}
      name={detail.data.campaign.name}
      collectionName={detail.data.campaign.collectionName}
      stored={current.data.requirements}
      effective={current.data.effective}
      campaigns={campaigns}
      activities={activities}
    />
  );
}

function Builder(props: {
  campaignId: number;
  name: string;
  collectionName: string | null;
  stored: TRequirement | null;
  effective: TRequirement | null;
  campaigns: Choice[];
  activities: Choice[];
}) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const utils = trpc.useUtils();
  const { campaignId, stored } = props;
  const [root, setRootState] = useState<DraftNode>(() => startingDraft(stored, props.effective));
  const [dirty, setDirty] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Map<string, string[]>>(new Map());
  const issues = useMemo(() => validateDraft(root), [root]);
  const tree = useMemo(() => {
    if (issues.count > 0) return null;
    const parsed = ZRequirementTree.safeParse(toTree(root));
    return parsed.success ? parsed.data : null;
  }, [root, issues]);
  const set = trpc.admin.requirements.set.useMutation({
    onSuccess: (saved) => {
      setDirty(false);
      // Cleared: the draft starts again from the rule the methods convert to.
      if (!saved.requirements) setRootState(startingDraft(null, saved.effective));
      utils.admin.requirements.get.setData({ campaignId }, saved);
    },
    onError: (error) => setRefusals(refusalsOf(root, error)),
  });
  const setRoot = (change: (r: DraftNode) => DraftNode) => {
    setRootState(change);
    setDirty(true);
    setRefusals(new Map());
    set.reset();
  };
  const state: BuilderState = {
    root,
    setRoot,
    issues,
    refusals,
    dragging,
    setDragging,
    campaigns: props.campaigns,
    activities: props.activities,
  };
  const save = () => set.mutate({ campaignId, requirements: toTree(root) as TRequirement });
  return (
    <BuilderContext.Provider value={state}>
      <div className="flex min-w-0 flex-col gap-6">
        <AdminPage
          title={t('builder.title', { name: props.name })}
          description={stored ? t('builder.ownTree') : t('builder.methodRule')}
          action={
            <div className="flex flex-wrap gap-2">
              <Button onClick={save} disabled={set.isPending || issues.count > 0}>
                <Save aria-hidden="true" />
                {t('builder.save')}
              </Button>
              {dirty && (
                <Button
                  variant="outline"
                  onClick={() => setRoot(() => startingDraft(stored, props.effective))}
                >
                  <Undo2 aria-hidden="true" />
                  {t('builder.discard')}
                </Button>
              )}
              {stored && (
                <Button
                  variant="destructive"
                  disabled={set.isPending}
                  onClick={() => set.mutate({ campaignId, requirements: null })}
                >
                  <RotateCcw aria-hidden="true" />
                  {t('builder.clear')}
                </Button>
              )}
            </div>
          }
        >
          <div className="grid gap-4">
            {issues.count > 0 && (
              <p className="text-destructive text-sm" role="status" data-testid="builder-issue-count">
                {t('builder.issues', { count: issues.count })}
              </p>
            )}
            {set.isSuccess && !dirty && <DoneNote>{t('builder.saved')}</DoneNote>}
            {set.error && <ErrorMessage error={set.error} fieldsShownInForm={refusals.size > 0} />}
            {root.type === 'group' && <GroupEditor group={root} />}
          </div>
        </AdminPage>
        <LivePreview campaignId={campaignId} tree={tree} collectionName={props.collectionName} />
      </div>
    </BuilderContext.Provider>
  );
}

import type { TRequirementLeafKind } from '@puffy/contracts';
import { ArrowDown, ArrowUp, FolderPlus, GripVertical, Plus, Trash2 } from 'lucide-react';
import { type ComponentProps, type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { cn } from '../../../lib/cn';
import { useBuilder } from './builder-context';
import {
  type DraftGroup,
  type DraftNode,
  GROUP_KINDS,
  type GroupKind,
  groupsOf,
  insertNode,
  moveBy,
  moveNode,
  newId,
  parentOf,
  removeNode,
  updateNode,
} from './draft';
import { LeafFields } from './leaf-editor';
import { LEAF_KIND_NAMES, LEAF_KINDS } from './leaf-kinds';

/** A small select in a row of controls: the shared Select fills its box, so the box sets the width. */
function CompactSelect({ width, ...props }: ComponentProps<typeof Select> & { width: string }) {
  return (
    <div className={cn('shrink-0', width)}>
      <Select {...props} className="h-8 text-xs" />
    </div>
  );
}

/** What is wrong with a node (the builder's checks and the server's refusals), beside it. */
function NodeIssues({ id }: { id: string }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { issues, refusals } = useBuilder();
  const mine = [
    ...(issues.byNode.get(id) ?? []).map((i) => t(`issue.${i.key}`, i.values ?? {})),
    ...(refusals.get(id) ?? []),
  ];
  if (mine.length === 0) return null;
  return (
    <ul data-testid="node-issues" className="grid gap-0.5 text-destructive text-xs">
      {mine.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}

/**
 * Where a dragged node may land: a slot between two children. Mouse and touch-pad users drag; the
 * arrows and "Move to" do the same from the keyboard and on phones.
 */
function DropSlot({ group, index }: { group: DraftGroup; index: number }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { dragging, setRoot, setDragging } = useBuilder();
  const [over, setOver] = useState(false);
  if (!dragging) return null;
  const accept = (e: DragEvent) => {
    e.preventDefault();
    setOver(true);
  };
  return (
    <li
      data-testid="drop-slot"
      aria-label={t('builder.dropHere')}
      onDragOver={accept}
      onDragEnter={accept}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        setRoot((root) => moveNode(root, dragging, group.id, index));
        setDragging(null);
      }}
      className={cn(
        'h-3 rounded border border-dashed border-transparent',
        over && 'border-primary bg-primary/10',
      )}
    />
  );
}

/** Up, down, into another group, away: every move a drag makes, as buttons. */
function NodeMoves({ node, label }: { node: DraftNode; label: string }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { root, setRoot } = useBuilder();
  const place = parentOf(root, node.id);
  if (!place) return null;
  const targets = groupsOf(root).filter(
    ({ group }) =>
      group.id !== place.group.id &&
      group.id !== node.id &&
      !(node.type === 'group' && groupsOf(node).some((g) => g.group.id === group.id)),
  );
  return (
    <div className="flex flex-wrap items-center gap-1">
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('builder.moveUp', { what: label })}
        disabled={place.index === 0}
        onClick={() => setRoot((r) => moveBy(r, node.id, -1))}
      >
        <ArrowUp aria-hidden="true" />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('builder.moveDown', { what: label })}
        disabled={place.index === place.group.children.length - 1}
        onClick={() => setRoot((r) => moveBy(r, node.id, 1))}
      >
        <ArrowDown aria-hidden="true" />
      </Button>
      {targets.length > 0 && (
        <CompactSelect
          aria-label={t('builder.moveTo', { what: label })}
          width="w-32"
          value=""
          onChange={(e) => {
            const target = e.target.value;
            setRoot((r) => {
              const group = groupsOf(r).find((g) => g.group.id === target)?.group;
              return group ? moveNode(r, node.id, group.id, group.children.length) : r;
            });
          }}
        >
          <option value="">{t('builder.moveToPrompt')}</option>
          {targets.map(({ group, number }) => (
            <option key={group.id} value={group.id}>
              {t('builder.groupName', { number, kind: t(`groupKind.${group.kind}`) })}
            </option>
          ))}
        </CompactSelect>
      )}
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('builder.remove', { what: label })}
        onClick={() => setRoot((r) => removeNode(r, node.id))}
      >
        <Trash2 aria-hidden="true" />
      </Button>
    </div>
  );
}

/**
 * The row's grip: dragging it carries the node (its id travels in React state, not the drag data).
 * Only the grip drags, so text in the row's fields still selects as usual.
 */
function DragGrip({ id }: { id: string }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { setDragging } = useBuilder();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer's shortcut; the arrows and "Move to" do every move from the keyboard
    <span
      draggable
      data-testid="drag-grip"
      title={t('builder.drag')}
      onDragStart={(e) => {
        e.stopPropagation();
        e.dataTransfer?.setData('text/plain', id);
        setDragging(id);
      }}
      onDragEnd={() => setDragging(null)}
      className="cursor-grab text-muted-foreground active:cursor-grabbing"
    >
      <GripVertical aria-hidden="true" className="size-4" />
    </span>
  );
}

function LeafEditor({ node }: { node: Extract<DraftNode, { type: 'leaf' }> }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { issues, refusals } = useBuilder();
  const kind = node.leaf.kind;
  const Icon = LEAF_KINDS[kind].icon;
  const label = t(`leaf.${kind}`);
  const invalid = issues.byNode.has(node.id) || refusals.has(node.id);
  return (
    <li
      data-testid="leaf-editor"
      data-kind={kind}
      aria-label={label}
      className={cn('grid gap-3 rounded-lg border bg-background/40 p-3', invalid && 'border-destructive/60')}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex items-center gap-2 font-medium text-sm">
          <DragGrip id={node.id} />
          <Icon aria-hidden="true" className="size-4" />
          {label}
        </span>
        <NodeMoves node={node} label={label} />
      </div>
      <LeafFields leaf={node} />
      <NodeIssues id={node.id} />
    </li>
  );
}

function AddToGroup({ group }: { group: DraftGroup }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { setRoot } = useBuilder();
  const [kind, setKind] = useState<TRequirementLeafKind>('method');
  const add = (node: DraftNode) => setRoot((r) => insertNode(r, group.id, group.children.length, node));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <CompactSelect
        aria-label={t('builder.newKind')}
        width="w-52"
        value={kind}
        onChange={(e) => setKind(e.target.value as TRequirementLeafKind)}
      >
        {LEAF_KIND_NAMES.map((k) => (
          <option key={k} value={k}>
            {t(`leaf.${k}`)}
          </option>
        ))}
      </CompactSelect>
      <Button
        variant="outline"
        size="sm"
        onClick={() => add({ id: newId(), type: 'leaf', leaf: LEAF_KINDS[kind].create() })}
      >
        <Plus aria-hidden="true" />
        {t('builder.addLeaf')}
      </Button>
      <Button
        variant="outline"
        size="sm"
        onClick={() => add({ id: newId(), type: 'group', kind: 'any', n: 1, children: [] })}
      >
        <FolderPlus aria-hidden="true" />
        {t('builder.addGroup')}
      </Button>
    </div>
  );
}

export function GroupEditor({ group }: { group: DraftGroup }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { root, setRoot, issues, refusals } = useBuilder();
  const number = groupsOf(root).find((g) => g.group.id === group.id)?.number ?? 1;
  const label = t('builder.groupName', { number, kind: t(`groupKind.${group.kind}`) });
  const isRoot = root.id === group.id;
  const invalid = issues.byNode.has(group.id) || refusals.has(group.id);
  const setGroup = (change: Partial<DraftGroup>) =>
    setRoot((r) => updateNode(r, group.id, (n) => (n.type === 'group' ? { ...n, ...change } : n)));
  const Wrapper = isRoot ? 'div' : 'li';
  return (
    <Wrapper
      role={isRoot ? 'group' : undefined}
      data-testid="group-editor"
      data-kind={group.kind}
      aria-label={label}
      className={cn(
        'grid min-w-0 gap-3 rounded-lg border p-3',
        invalid && 'border-destructive/60',
        !isRoot && 'bg-muted/30',
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          {!isRoot && <DragGrip id={group.id} />}
          <span className="font-medium text-sm">{t('builder.groupNumber', { number })}</span>
          <CompactSelect
            aria-label={t('builder.groupKind', { number })}
            width="w-40"
            value={group.kind}
            onChange={(e) => setGroup({ kind: e.target.value as GroupKind })}
          >
            {GROUP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`groupKind.${k}`)}
              </option>
            ))}
          </CompactSelect>
          {group.kind === 'at_least' && (
            <Input
              type="number"
              aria-label={t('builder.n', { number })}
              className="h-8 w-20"
              min={1}
              max={Math.max(1, group.children.length)}
              value={Number.isNaN(group.n) ? '' : String(group.n)}
              onChange={(e) => setGroup({ n: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
            />
          )}
        </div>
        {!isRoot && <NodeMoves node={group} label={label} />}
      </div>
      <NodeIssues id={group.id} />
      <ul className="grid min-w-0 gap-2 sm:pl-4">
        <DropSlot group={group} index={0} />
        {group.children.map((child, index) => (
          <ChildSlot key={child.id} child={child} group={group} index={index} />
        ))}
      </ul>
      <AddToGroup group={group} />
    </Wrapper>
  );
}

function ChildSlot({ child, group, index }: { child: DraftNode; group: DraftGroup; index: number }) {
  return (
    <>
      {child.type === 'leaf' ? <LeafEditor node={child} /> : <GroupEditor group={child} />}
      <DropSlot group={group} index={index + 1} />
    </>
  );
}

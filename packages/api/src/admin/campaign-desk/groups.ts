import type { TPageInput } from '@puffy/contracts';
import { asc, eq, gt } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { afterIdCursor, toIdPage } from '../../platform/cursor';
import { Conflict, NotFound } from '../../platform/errors';
import { firstRow } from '../../trpc/first-row';
import type { DeskDeps } from './campaigns';

interface GroupFields {
  slug: string;
  name: string;
  description: string | null;
}

/** Groups in the order they were made (their ids ascend), a page at a time. */
export async function listGroups(deps: Pick<Deps, 'db'>, page: TPageInput) {
  const g = deps.db.t.campaignGroups;
  const rows = await deps.db.db
    .select({ id: g.id, slug: g.slug, name: g.name, description: g.description })
    .from(g)
    .where(gt(g.id, afterIdCursor(page.cursor)))
    .orderBy(asc(g.id))
    .limit(page.limit + 1);
  return toIdPage(
    rows,
    page.limit,
    (row) => row.id,
    (row) => row,
  );
}

/** Creates a group (`groupId` absent) or renames one; slugs stay unique. */
export async function saveGroup(
  deps: DeskDeps,
  actor: AuditActor,
  groupId: number | null,
  fields: GroupFields,
) {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    const taken = await firstRow(
      tx
        .select({ id: t.campaignGroups.id })
        .from(t.campaignGroups)
        .where(eq(t.campaignGroups.slug, fields.slug)),
    );
    if (taken && taken.id !== groupId)
      throw new Conflict(`Another group already uses the slug "${fields.slug}".`, 'slug_taken', {
        slug: fields.slug,
      });
    let before = null;
    let saved: { id: number } | undefined;
    if (groupId === null) {
      [saved] = await tx
        .insert(t.campaignGroups)
        .values({ ...fields, createdAt: deps.clock.now() })
        .returning({ id: t.campaignGroups.id });
    } else {
      [before] = await tx.select().from(t.campaignGroups).where(eq(t.campaignGroups.id, groupId)).limit(1);
      if (!before) throw new NotFound('No group has this id.', 'group_not_found');
      [saved] = await tx
        .update(t.campaignGroups)
        .set(fields)
        .where(eq(t.campaignGroups.id, groupId))
        .returning({ id: t.campaignGroups.id });
    }
    if (!saved) throw new Error('group write returned nothing');
    await recordAudit(deps, tx, actor, {
      action: groupId === null ? 'campaign_group.created' : 'campaign_group.updated',
      targetType: 'campaign_group',
      targetId: String(saved.id),
      before,
      after: fields,
    });
    return { id: saved.id, ...fields };
  });
}

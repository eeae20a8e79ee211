import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '../../components/ui/dialog';
import { FormField } from '../../components/ui/form-field';
import { Input, Textarea } from '../../components/ui/input';
import { toast } from '../../components/ui/toast-queue';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { AdminListPage } from './admin-page';
import type { AdminOutputs } from './api-types';
import { CreateButton, RowAction } from './controls';
import { keepShown, useCursorPaging } from './data-table/cursor-paging';
import { type AdminColumn, titled, useAdminColumns } from './data-table/features';

type TCampaignGroupRow = AdminOutputs['groups']['list']['items'][number];

/** Campaign groups: the list, and a dialog that creates one or edits one (admin.groups.*). */
export default function GroupsPage() {
  const { t } = useTranslation('admin');
  const paging = useCursorPaging();
  const groups = trpc.admin.groups.list.useQuery(paging.page, keepShown);
  // null: closed; 'new': creating; a row: editing it.
  const [editing, setEditing] = useState<TCampaignGroupRow | 'new' | null>(null);
  const columns = useGroupColumns(setEditing);
  return (
    <AdminListPage
      words="groups"
      action={<CreateButton onClick={() => setEditing('new')}>{t('groups.create')}</CreateButton>}
      columns={columns}
      query={groups}
      paging={paging}
      getRowId={(row) => String(row.id)}
    >
      {editing !== null && (
        <GroupDialog group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </AdminListPage>
  );
}

function useGroupColumns(edit: (group: TCampaignGroupRow) => void): AdminColumn<TCampaignGroupRow>[] {
  return useAdminColumns<TCampaignGroupRow>(
    (col, t) =>
      col.columns([
        col.accessor('name', {
          ...titled('name', t('groups.name')),
          cell: ({ getValue }) => <span className="font-medium">{getValue()}</span>,
        }),
        col.accessor('slug', {
          ...titled('slug', t('groups.slug')),
          cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
        }),
        col.accessor('description', {
          ...titled('description', t('groups.groupDescription'), { hideOnPhone: true }),
          cell: ({ getValue }) => (
            <span className="line-clamp-2 max-w-md text-muted-foreground">{getValue() ?? '—'}</span>
          ),
        }),
        col.display({
          id: 'edit',
          header: () => <span className="sr-only">{t('groups.edit')}</span>,
          enableHiding: false,
          meta: { label: t('groups.edit'), align: 'end' },
          cell: ({ row }) => (
            <RowAction
              variant="outline"
              icon={Pencil}
              label={t('groups.edit')}
              name={`${t('groups.edit')}: ${row.original.name}`}
              onClick={() => edit(row.original)}
            />
          ),
        }),
      ]),
    [edit],
  );
}

function GroupDialog({ group, onClose }: { group: TCampaignGroupRow | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const utils = trpc.useUtils();
  const [name, setName] = useState(group?.name ?? '');
  const [slug, setSlug] = useState(group?.slug ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const done = () => {
    void utils.admin.groups.list.invalidate();
    toast({ title: t('groups.saved'), variant: 'success' });
    onClose();
  };
  const create = trpc.admin.groups.create.useMutation({ onSuccess: done });
  const update = trpc.admin.groups.update.useMutation({ onSuccess: done });
  const error = create.error ?? update.error;
  const fields = error ? describeError(error).fieldErrors : {};
  const fieldError = (name: string) => (fields[name] ?? fields[`fields.${name}`])?.join(' ');
  const shownInForm = ['name', 'slug', 'description'].some((f) => fieldError(f));
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t('groups.cancel')}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const fields = { name: name.trim(), slug: slug.trim(), description: description.trim() || null };
            if (group) update.mutate({ groupId: group.id, fields });
            else create.mutate(fields);
          }}
        >
          <DialogHeader>
            <DialogTitle>{group ? t('groups.editTitle') : t('groups.newTitle')}</DialogTitle>
          </DialogHeader>
          <FormField label={t('groups.name')} error={fieldError('name')}>
            <Input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
          </FormField>
          <FormField label={t('groups.slug')} description={t('groups.slugHint')} error={fieldError('slug')}>
            <Input
              value={slug}
              required
              minLength={2}
              maxLength={80}
              pattern="[a-z0-9\-]+"
              autoCapitalize="none"
              spellCheck={false}
              onChange={(e) => setSlug(e.target.value)}
            />
          </FormField>
          <FormField label={t('groups.groupDescription')} error={fieldError('description')}>
            <Textarea
              value={description}
              maxLength={2000}
              rows={3}
              onChange={(e) => setDescription(e.target.value)}
            />
          </FormField>
          {error && <ErrorMessage error={error} fieldsShownInForm={shownInForm} />}
          <DialogFooter>
            <Button variant="outline" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending}>
              {t('groups.save')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

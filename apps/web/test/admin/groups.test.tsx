import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../src/lib/session-token';
import { renderApp } from '../render';
import { failure, ok, versionOf, wireTransport } from '../wire';
import { operatorSession } from './session';

const group = { id: 4, slug: 'winter', name: 'Winter drops', description: 'Everything cold.' };

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('admin campaign groups', { timeout: 30_000 }, () => {
  it('creates a group, with the server’s field error on its field first', async () => {
    const wire = wireTransport((path, attempt) => {
      if (path === 'auth.session') return ok(operatorSession(['campaigns']));
      if (path === 'admin.groups.list') return ok({ items: attempt === 0 ? [] : [group], nextCursor: null });
      if (path === 'admin.groups.create')
        return attempt === 0
          ? failure(path, 'CONFLICT', 409, 'Another group already uses the slug "winter".', {
              reason: 'slug_taken',
            })
          : ok(group);
      return ok(versionOf());
    });
    renderApp('/admin/groups', wire.fetch);
    expect(await screen.findByText('No group yet. Create the first one below.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
    const dialog = await screen.findByRole('dialog', { name: 'A new group' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Winter drops' } });
    fireEvent.change(within(dialog).getByLabelText('Address'), { target: { value: 'winter' } });
    fireEvent.submit(within(dialog).getByLabelText('Name').closest('form') as HTMLFormElement);
    expect(await within(dialog).findByText('Another group already uses the slug "winter".')).toBeTruthy();
    fireEvent.submit(within(dialog).getByLabelText('Name').closest('form') as HTMLFormElement);
    expect(await screen.findByText('Group saved.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Winter drops')).toBeTruthy();
    expect(wire.inputsFor('admin.groups.create').at(-1)).toEqual({
      name: 'Winter drops',
      slug: 'winter',
      description: null,
    });
  });

  it('edits a group in place', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(operatorSession(['campaigns']));
      if (path === 'admin.groups.list') return ok({ items: [group], nextCursor: null });
      if (path === 'admin.groups.update') return ok({ ...group, name: 'Cold drops' });
      return ok(versionOf());
    });
    renderApp('/admin/groups', wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit: Winter drops' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the group' });
    const name = within(dialog).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Winter drops');
    fireEvent.change(name, { target: { value: 'Cold drops' } });
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    expect(await screen.findByText('Group saved.')).toBeTruthy();
    expect(wire.inputsFor('admin.groups.update')).toEqual([
      { groupId: 4, fields: { name: 'Cold drops', slug: 'winter', description: 'Everything cold.' } },
    ]);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sharedWalletKey } from '../src/api';
import { base58 } from '../src/base58';
import { chromiumPath } from '../src/browser';
import { seedClaimCampaign } from '../src/seed';
import { screenAtBothWidths, serverAndBrowser, signedInContext } from '../src/suite';

describe.skipIf(!chromiumPath())('requirement tree: built by an operator, explained to a member', () => {
  const admin = sharedWalletKey();
  const member = sharedWalletKey();
  const run = serverAndBrowser(admin.address);

  it('an operator builds a tree, previews a wallet, saves; a member sees the explained tree', {
    timeout: 180_000,
  }, async () => {
    const { server, browser } = run;
    const { campaignId } = await seedClaimCampaign(server, { slug: 'e2e-tree', gasFeeLamports: 1_000_000n });
    const operator = await signedInContext(browser, server.url, admin.secret);
    const page = operator.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/admin/campaigns/${campaignId}`);
    await page.getByRole('link', { name: 'Requirements' }).click();
    await page.getByRole('heading', { name: 'Requirements: E2E NFT drop', level: 1 }).waitFor();
    await page.getByText(/This campaign uses its eligibility methods/).waitFor();
    const root = page.getByRole('group', { name: 'Group 1 (all of)' });
    await root.getByRole('listitem', { name: 'Group 2 (any of)' }).waitFor();

    // A new group: points, then an account; at least 1 of them.
    await root.getByRole('button', { name: 'Add group' }).last().click();
    const added = page.getByRole('listitem', { name: /^Group 3/ });
    await added.getByText('A group needs at least one requirement.').waitFor();
    await added.getByLabel('Kind of requirement to add').selectOption('account');
    await added.getByRole('button', { name: 'Add requirement' }).click();
    await added.getByLabel('Kind of requirement to add').selectOption('points');
    await added.getByRole('button', { name: 'Add requirement' }).click();
    await added.getByLabel('How group 3 combines').selectOption('at_least');
    const group3 = page.getByRole('listitem', { name: 'Group 3 (at least N of)' });
    await group3.getByLabel('N for group 3').fill('3');
    await group3.getByText(/N must be between 1 and 2/).waitFor();
    expect(await page.getByRole('button', { name: 'Save requirements' }).isDisabled()).toBe(true);
    await group3.getByLabel('N for group 3').fill('1');
    const points = group3.getByRole('listitem', { name: 'Points' });
    await points.getByLabel('Counted in').selectOption('overall');
    await points.getByLabel('At least this many points').fill('500');

    // Drag the points leaf above the account leaf, by its grip, in the real browser.
    // The drop slots appear once a drag starts, so the pointer moves by hand rather than with dragTo.
    await points.getByTestId('drag-grip').hover();
    await page.mouse.down();
    await group3.getByText('Group 3').hover();
    const slot = group3.getByTestId('drop-slot').first();
    await slot.hover();
    await page.mouse.up();
    const kinds = await group3
      .getByTestId('leaf-editor')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(['points', 'account']);

    expect(await screenAtBothWidths(page, operator.log, 'requirements-builder')).toEqual([]);

    // The live preview: a wallet nobody knows, against the draft.
    const preview = page.getByTestId('requirements-preview');
    await preview.getByLabel('Wallet address').fill(base58(randomBytes(32)));
    const previewTree = preview.getByTestId('requirement-tree');
    await previewTree.waitFor({ timeout: 15_000 });
    expect(await previewTree.textContent()).toContain('At least 1 of');

    await page.getByRole('button', { name: 'Save requirements' }).click();
    await page.getByText('Requirements saved.').waitFor();
    await page.getByText('This campaign uses its own requirements, below.').waitFor();
    expect(errors).toEqual([]);

    // The member checks with their own wallet: not on the allow-list, no points, no email.
    const visitor = await signedInContext(browser, server.url, member.secret);
    await visitor.page.goto(`${server.url}/campaigns/e2e-tree`);
    await visitor.page.getByRole('button', { name: 'Check my eligibility' }).click();
    const answer = visitor.page.getByTestId('eligibility-answer');
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.getAttribute('data-outcome')).toBe('not_eligible');
    const tree = answer.getByRole('list', { name: 'Requirements and how they fared' });
    const shown = await tree
      .getByTestId('requirement-node')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute('data-kind')}:${r.getAttribute('data-outcome')}`),
      );
    expect(shown[0]).toBe('all:failed');
    expect(shown).toContain('any:failed');
    expect(shown).toContain('method:failed');
    expect(await tree.textContent()).toMatch(/All of.*Any of/s);
    expect(await screenAtBothWidths(visitor.page, visitor.log, 'requirements-member')).toEqual([]);
    await visitor.context.close();
    await operator.context.close();
  });
});

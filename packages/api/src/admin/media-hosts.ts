import { type Database, settingKeys } from '@puffy/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { announceChange } from '../platform/announce';
import { type AuditActor, recordAudit } from '../platform/audit';
import { BadInput } from '../platform/errors';
import { firstRow } from '../trpc/first-row';

const ZStoredHosts = z.array(z.string());
/** An operator saved the list: every instance reloads it into its CSP (watchAllowedMediaHosts). */
const CHANGED_CHANNEL = 'settings:media-hosts:changed';

/** The list's setting as stored (undefined before an operator first saves it). */
function storedHosts(deps: Pick<Deps, 'db'>, q: Database) {
  const s = deps.db.t.settings;
  return firstRow(q.select({ value: s.value }).from(s).where(eq(s.key, settingKeys.allowedMediaHosts)));
}

/** Hosts admin-entered media may come from: the operator's list, as stored. */
export async function allowedMediaHosts(deps: Pick<Deps, 'db'>): Promise<string[]> {
  const row = await storedHosts(deps, deps.db.db);
  const parsed = ZStoredHosts.safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

export async function setAllowedMediaHosts(
  deps: Pick<Deps, 'db' | 'clock' | 'store'>,
  actor: AuditActor,
  hosts: string[],
): Promise<string[]> {
  const unique = [...new Set(hosts)].sort();
  const { t } = deps.db;
  await deps.db.withTransaction(async (tx) => {
    const row = await storedHosts(deps, tx);
    const now = deps.clock.now();
    await tx
      .insert(t.settings)
      .values({ key: settingKeys.allowedMediaHosts, value: unique, updatedAt: now })
      .onConflictDoUpdate({ target: t.settings.key, set: { value: unique, updatedAt: now } });
    await recordAudit(deps, tx, actor, {
      action: 'settings.media_hosts_set',
      targetType: 'settings',
      targetId: settingKeys.allowedMediaHosts,
      before: row?.value ?? null,
      after: unique,
    });
  });
  await announceChange(deps.store, CHANGED_CHANNEL);
  return unique;
}

/**
 * Calls `onChange` with the stored list now and again whenever an operator saves it, on this instance
 * or any other sharing the store: the server keeps its CSP's image and media sources in step with it
 * (apps/server/src/http/security-headers.ts). Resolves once listening; the result stops it.
 */
export async function watchAllowedMediaHosts(
  deps: Pick<Deps, 'db' | 'store' | 'logger'>,
  onChange: (hosts: string[]) => void,
): Promise<() => Promise<void>> {
  // A reload that started before a newer one must not apply its older list after it.
  let latest = 0;
  const reload = async () => {
    const mine = ++latest;
    const hosts = await allowedMediaHosts(deps);
    if (mine === latest) onChange(hosts);
  };
  // Listening first, then reading: a save between the two is still heard.
  const stop = await deps.store.subscribe(CHANGED_CHANNEL, () => {
    reload().catch((error) => deps.logger.error({ err: error }, 'media hosts reload failed'));
  });
  await reload();
  return stop;
}

/** Artwork the app ships and serves itself (the SPA's `public/media/`), named by its path. */
const SHIPPED_MEDIA = /^\/media\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Refuses a media URL that is neither the app's own shipped artwork (`/media/…`, same origin) nor https
 * on an allowed host: admin-entered media ends up in members' pages, and the CSP allows images and media
 * only from MEDIA_HOSTS and this list (watchAllowedMediaHosts), so anything else would not load anyway.
 */
export async function assertAllowedMediaUrl(deps: Pick<Deps, 'db'>, field: string, value: string) {
  if (SHIPPED_MEDIA.test(value)) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadInput('Enter a full https:// address.', { [field]: ['Not a URL'] }, 'media_url_invalid');
  }
  if (url.protocol !== 'https:')
    throw new BadInput(
      'Media must be served over https.',
      { [field]: ['Use an https:// address'] },
      'media_not_https',
    );
  const hosts = await allowedMediaHosts(deps);
  if (!hosts.includes(url.hostname.toLowerCase()))
    throw new BadInput(
      `Media from ${url.hostname} is not allowed; add the host in Settings first.`,
      {
        [field]: [`${url.hostname} is not an allowed media host`],
      },
      'media_host_not_allowed',
      { host: url.hostname },
    );
}

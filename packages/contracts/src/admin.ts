import { z } from 'zod';
import { ZAdminScope, ZRole, ZSecurityEventType } from './enums';
import { ZPageInput } from './pagination';
import { ZMemberSummary } from './session';
import { text } from './text';

/** A member as the admin console lists them. */
export const ZAdminUserRow = ZMemberSummary.extend({ email: z.string().nullable() });
export type TAdminUserRow = z.infer<typeof ZAdminUserRow>;

/** The member an admin list's row is about (an order, a submission): their id and sign-in wallet. */
export const ZRowMember = z.object({ userId: z.string(), walletAddress: z.string() });

export const ZAdminUserSearch = ZPageInput.extend({
  query: text().trim().max(120).optional().describe('Wallet address, email, X handle, name or user id'),
  role: ZRole.optional(),
});

export const ZGrantAdminInput = z.object({
  userId: text().min(1).max(64),
  scopes: z.array(ZAdminScope).min(1, 'Choose at least one scope').max(ZAdminScope.options.length),
});
export const ZRevokeAdminInput = z.object({ userId: text().min(1).max(64) });

export const ZAuditEntry = z.object({
  id: z.string(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditSearch = ZPageInput.extend({
  targetType: text().max(60).optional(),
  targetId: text().max(120).optional(),
  actorUserId: text().max(64).optional(),
});

export const ZSecurityEventRow = z.object({
  id: z.string(),
  type: ZSecurityEventType,
  userId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type TSecurityEventRow = z.infer<typeof ZSecurityEventRow>;

export const ZSecurityEventSearch = ZPageInput.extend({
  type: ZSecurityEventType.optional(),
  userId: text().max(64).optional(),
});

/** A bare host name (no scheme, path or port): `cdn.example.com`. */
export const ZMediaHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'A host name like cdn.example.com',
  );
export const ZMediaHosts = z.object({ hosts: z.array(ZMediaHost).max(100) });
export type TMediaHosts = z.infer<typeof ZMediaHosts>;

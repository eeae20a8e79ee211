import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import type { Meta } from './init';

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: Meta | undefined;
}

/** Every procedure of a router, flat: for the authorization matrix and for metrics labels. */
export function listProcedures(router: AnyTRPCRouter): ProcedureInfo[] {
  const procedures: Record<string, AnyTRPCProcedure> = router._def.procedures;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta as Meta | undefined,
  }));
}

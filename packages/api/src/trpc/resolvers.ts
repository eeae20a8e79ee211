import type { Deps } from '../deps';
import { type AuditActor, actorOf } from '../platform/audit';

/**
 * Resolvers for the calls most procedures make: a service that needs neither caller nor request, a
 * member acting on their own data, and an operator's audited change. Each hands the whole input on, so a procedure whose
 * service takes only part of it (or more than the caller) writes its resolver out instead.
 */

/** `serve(deps, input)`: the procedure's kind has already checked who may call; the service needs no more. */
export function withDeps<I, O>(serve: (deps: Deps, input: I) => O) {
  return ({ ctx, input }: { ctx: { deps: Deps }; input: I }): O => serve(ctx.deps, input);
}

/** `serve(deps, the signed-in member's id, input)`: for authed procedures. */
export function byMember<I, O>(serve: (deps: Deps, userId: string, input: I) => O) {
  return ({ ctx, input }: { ctx: { deps: Deps; session: { userId: string } }; input: I }): O =>
    serve(ctx.deps, ctx.session.userId, input);
}

/** `serve(deps, the operator as the audit log names them, input)`: for admin procedures. */
export function byOperator<I, O>(serve: (deps: Deps, actor: AuditActor, input: I) => O) {
  return ({
    ctx,
    input,
  }: {
    ctx: { deps: Deps; session: { userId: string }; req: { requestId: string } };
    input: I;
  }): O => serve(ctx.deps, actorOf(ctx), input);
}

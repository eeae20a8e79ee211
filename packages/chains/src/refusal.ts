/** A check that did not pass: a machine reason the caller branches on and a sentence a person can act on. */
export interface Refusal<R extends string> {
  ok: false;
  reason: R;
  message: string;
}

export const refusal = <R extends string>(reason: R, message: string): Refusal<R> => ({
  ok: false,
  reason,
  message,
});

import type { TErrorParams } from '@puffy/contracts';
import { i18n } from '../i18n';

/**
 * A refusal in the member's language: the server names its rule (`reason`, contracts'
 * error-reasons.ts) and the values its sentence shows (`params`); the `errors` catalog has the
 * sentence for every reason in each language but English, whose words are the server's own. The
 * catalog is fetched when a call first fails (trpc.ts), never on the first load.
 */
const NAMESPACE = 'errors';

export const loadReasonWords = (): Promise<void> => i18n.loadNamespaces(NAMESPACE);

/** The catalog's sentence for `reason` with its values, or null (English, an unknown reason, a value missing). */
export function reasonInWords(reason: string | null, params: TErrorParams | null): string | null {
  const key = `reason.${reason}`;
  if (!reason || !i18n.exists(key, { ns: NAMESPACE })) return null;
  let missing = false;
  const sentence = i18n.t(key, {
    ns: NAMESPACE,
    replace: params ?? {},
    missingInterpolationHandler: () => {
      missing = true;
      return '';
    },
  });
  return missing ? null : sentence;
}

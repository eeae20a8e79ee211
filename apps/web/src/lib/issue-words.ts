import type { z } from 'zod';
import { currentLanguage } from '../i18n';
import { boundInWords, issue } from './field-words';

/** zod's own wording, never shown: "Too small: expected string to have >=2 characters". */
const LIBRARY_WORDING = /^(Too small|Too big|Invalid)\b/;

/**
 * A mistake found in the browser by a contracts schema (a form checks before it sends): the schema's
 * own sentence for English readers when it wrote one, else advice from the catalog in the member's
 * language, from the issue's kind and bound; `otherwise` (the form's own words) or a plain request to
 * check when the kind says nothing more. Server-side refusals of the same schemas go through
 * `schemaIssueInWords` (field-words.ts). Its own module: only forms use it, so it stays out of the first
 * load.
 */
export function issueInWords(found: z.core.$ZodIssue | undefined, otherwise = issue('other')): string {
  if (!found) return otherwise;
  if (currentLanguage() === 'en' && !LIBRARY_WORDING.test(found.message)) return found.message;
  switch (found.code) {
    case 'too_small':
      return boundInWords('min', found.origin, Number(found.minimum), found.inclusive !== false);
    case 'too_big':
      return boundInWords('max', found.origin, Number(found.maximum), found.inclusive !== false);
    case 'invalid_format':
      return found.format === 'email' || found.format === 'url' ? issue(found.format) : otherwise;
    case 'invalid_value':
      return issue('option');
    case 'invalid_type':
      return found.input === undefined ? issue('required') : otherwise;
    default:
      return otherwise;
  }
}

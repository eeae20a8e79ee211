import { isSocialTaskKind, socialTaskParameters, socialTaskService } from '@puffy/contracts';
import type { Deps } from '../../deps';
import { BadInput } from '../../platform/errors';
import { serviceOffered } from './evidence';

const serviceName = { x: 'X', discord: 'Discord', telegram: 'Telegram' } as const;

/**
 * What an operator may save as an activity: a checked task only where this server can check its
 * service, with the settings its kind needs, normalized (handles without "@", trimmed ids). Other
 * kinds' parameters pass as they came.
 */
export function offeredActivityParameter(
  deps: Pick<Deps, 'twitter' | 'social'>,
  kind: string,
  parameter: Record<string, unknown>,
): Record<string, unknown> {
  if (!isSocialTaskKind(kind)) return parameter;
  const service = socialTaskService[kind];
  if (!serviceOffered(deps, service))
    throw new BadInput(
      `${serviceName[service]} tasks cannot be offered: this server is not set up to check ${serviceName[service]}.`,
      { 'activity.kind': [`${serviceName[service]} is not set up on this server.`] },
      `${service}_not_configured`,
    );
  const parsed = socialTaskParameters[kind].safeParse(parameter);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = ['activity', 'parameter', ...issue.path.map(String)].join('.');
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    throw new BadInput('Some settings of this task are missing or wrong.', fieldErrors, 'task_settings');
  }
  return parsed.data;
}

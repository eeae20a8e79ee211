import type { TCampaignPhase, TNetwork } from '@puffy/contracts';
import { Badge } from '../components/ui/badge';
import { NETWORK_LABEL, PHASE_LABEL } from './words';

export function ChainBadge({ network }: { network: TNetwork }) {
  return (
    <Badge variant="outline" data-network={network}>
      {NETWORK_LABEL[network]}
    </Badge>
  );
}

const PHASE_VARIANT = {
  active: 'success',
  upcoming: 'secondary',
  ended: 'outline',
  paused: 'warning',
} as const;

export function PhaseBadge({ phase }: { phase: TCampaignPhase }) {
  return (
    <Badge variant={PHASE_VARIANT[phase]} data-phase={phase}>
      {PHASE_LABEL[phase]}
    </Badge>
  );
}

import type { TCampaignPhase, TNetwork } from '@puffy/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/ui/badge';
import { networkName } from '../lib/format';

export function ChainBadge({ network }: { network: TNetwork }) {
  return (
    <Badge variant="outline" data-network={network}>
      {networkName(network)}
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
  const { t } = useTranslation();
  return (
    <Badge variant={PHASE_VARIANT[phase]} data-phase={phase}>
      {t(`phase.${phase}`)}
    </Badge>
  );
}

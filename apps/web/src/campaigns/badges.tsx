import type { TCampaignPhase, TNetwork } from '@puffy/contracts';
import { NETWORK_LABEL, PHASE_LABEL } from './words';

export function ChainBadge({ network }: { network: TNetwork }) {
  return <span className={`badge campaign-chain campaign-chain-${network}`}>{NETWORK_LABEL[network]}</span>;
}

export function PhaseBadge({ phase }: { phase: TCampaignPhase }) {
  return <span className={`badge campaign-phase campaign-phase-${phase}`}>{PHASE_LABEL[phase]}</span>;
}

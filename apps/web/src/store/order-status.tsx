import { type TOrderStatus, ZOrderStatus } from '@puffy/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/ui/badge';

type BadgeVariant = 'default' | 'secondary' | 'outline' | 'success' | 'warning' | 'destructive';

/** How each state looks: waiting on the member stands out, done is green, ended without shipping is quiet. */
const LOOK: Record<TOrderStatus, BadgeVariant> = {
  new: 'warning',
  paid: 'secondary',
  confirmed: 'success',
  processing: 'secondary',
  shipped: 'default',
  delivered: 'success',
  cancelled: 'outline',
  expired: 'destructive',
  refunded: 'outline',
};

/**
 * The way a paid order goes, in the contract's order (docs/product/orders.md, "States and
 * transitions"): every state but those that end an order without shipping.
 */
export const ORDER_PATH = ZOrderStatus.exclude(['cancelled', 'expired', 'refunded']).options;

/** The states still ahead of an order on its way; none once it has ended. */
export function stepsAhead(status: TOrderStatus): TOrderStatus[] {
  const at = ORDER_PATH.indexOf(status as (typeof ORDER_PATH)[number]);
  return at === -1 ? [] : ORDER_PATH.slice(at + 1);
}

export function OrderStatusBadge({ status, testId }: { status: TOrderStatus; testId?: string }) {
  const { t } = useTranslation('store');
  return (
    <Badge variant={LOOK[status]} data-testid={testId}>
      {t(`status.${status}`)}
    </Badge>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/auth';

/** From a ticket or a liaison visit: opens the declaration form with the entity chosen, for those who may open demands. */
export function SupplyDemandLink({ entityId }: { entityId: number }) {
  const { t } = useTranslation('supplies');
  if (!usePermissions().has('supplies.demand')) return null;
  return (
    <Link to={`/supplies/declare?entityId=${entityId}`} style={{ marginLeft: 8 }} data-testid="open-supply-demand">
      {t('link.openDemand')}
    </Link>
  );
}

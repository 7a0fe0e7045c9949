import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@fugong/contract';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { useServerTable } from '../../components/useServerTable';
import { useTicketColumns } from './TicketsListPage';

/** 区领导报到: what reached the district leaders, oldest escalation first. */
export function LeadersQueuePage() {
  const { t } = useTranslation('tickets');
  const { query, tableProps } = useServerTable<Ticket>('/api/tickets/leaders-queue', []);
  const columns = useTicketColumns();
  return (
    <PageContainer title={t('menu.leaders')}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('leaders.hint')} />
      <ServerTable<Ticket>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 1000 }}
        {...tableProps}
        locale={{ emptyText: t('leaders.empty') }}
        data-testid="leaders-queue"
      />
    </PageContainer>
  );
}

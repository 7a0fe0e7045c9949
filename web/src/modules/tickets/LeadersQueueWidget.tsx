import { Link } from 'react-router';
import { Alert, Col, List, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Page, Ticket } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';

/** On a leader's home page, before anything else: what is waiting for 区领导报到. */
export function LeadersQueueWidget() {
  const perms = usePermissions();
  return perms.has('tickets.lead') ? <Queue /> : null;
}

function Queue() {
  const { t } = useTranslation('tickets');
  const q = useQuery({
    queryKey: ['/api/tickets/leaders-queue', 'home'],
    queryFn: () => api.get<Page<Ticket>>('/api/tickets/leaders-queue', { pageSize: 5 }),
  });
  if (!q.data || q.data.total === 0) return null;
  return (
    <Col span={24} data-testid="home-leaders-queue">
      <Alert
        type="error"
        showIcon
        message={<Link to="/tickets/leaders">{t('leaders.widget', { count: q.data.total })}</Link>}
        description={
          <List
            size="small"
            dataSource={q.data.items}
            renderItem={(tk) => (
              <List.Item>
                <Link to={`/tickets/${tk.id}`}>{tk.title}</Link>
                <span>
                  {tk.department && <Tag>{t(`common:department.${tk.department}`)}</Tag>}
                  {tk.entityName}
                </span>
              </List.Item>
            )}
          />
        }
      />
    </Col>
  );
}

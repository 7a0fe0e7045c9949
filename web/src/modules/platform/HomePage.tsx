import { Link } from 'react-router';
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Grant } from '@fugong/contract';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { visibleMenu } from '../../app/menu';
import { useWebModules } from '../../app/modules-context';
import { PageContainer } from '../../components/PageContainer';

/** How a grant reads on screen: role, then the region / department / entity / venue it is scoped to. */
export function useGrantText() {
  const { t } = useTranslation();
  return (g: Pick<Grant, 'role' | 'regionName' | 'regionCode' | 'department' | 'entityId' | 'venueId'>) =>
    [
      g.regionName ?? g.regionCode,
      g.department ? t(`department.${g.department}`) : null,
      g.entityId ? t('grant.entity', { id: g.entityId }) : null,
      g.venueId ? t('grant.venue', { id: g.venueId }) : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('grant.everywhere');
}

/** The name of the enterprise or venue a grant is scoped to (one request each; a user holds few such grants). */
function ScopedName({ kind, id }: { kind: 'entity' | 'venue'; id: number }) {
  const { t } = useTranslation();
  const url = kind === 'entity' ? `/api/registry/entities/${id}` : `/api/venues/${id}`;
  const q = useQuery({ queryKey: [url], queryFn: () => api.get<{ name: string }>(url), retry: false });
  return <>{q.data?.name ?? t(`grant.${kind}`, { id })}</>;
}

function GrantScope({ grant }: { grant: Grant }) {
  const grantText = useGrantText();
  if (grant.entityId) return <ScopedName kind="entity" id={grant.entityId} />;
  if (grant.venueId) return <ScopedName kind="venue" id={grant.venueId} />;
  return <>{grantText(grant)}</>;
}

/** Landing page after sign-in: who you are, what you may do where, and shortcuts to your modules. */
export function HomePage() {
  const { t } = useTranslation('platform');
  const me = useCurrentUser();
  const webModules = useWebModules();
  const shortcuts = visibleMenu(webModules, me.permissions);
  return (
    <PageContainer title={t('home.greeting', { name: me.displayName })}>
      <Row gutter={[16, 16]}>
        {webModules.map((m) => (m.homeWidget ? <m.homeWidget key={m.name} /> : null))}
        <Col xs={24} lg={12}>
          <Card title={t('home.yourRoles')} data-testid="home-roles">
            <Descriptions column={1} size="small">
              {me.grants.map((g) => (
                <Descriptions.Item key={g.id} label={<Tag color="blue">{t(`common:role.${g.role}`)}</Tag>}>
                  <GrantScope grant={g} />
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.shortcuts')}>
            {shortcuts.length === 0 ? (
              <Empty description={t('home.noModules')} />
            ) : (
              shortcuts.map((g) => (
                <div key={g.group} style={{ marginBottom: 12 }}>
                  <Typography.Text type="secondary">{t(`common:menuGroup.${g.group}`)}</Typography.Text>
                  <div style={{ marginTop: 4 }}>
                    <Space wrap>
                      {g.entries.map((e) => (
                        <Link key={e.path} to={`/${e.path}`}>
                          <Tag icon={e.icon} style={{ padding: '4px 10px', cursor: 'pointer' }}>
                            {t(e.labelKey)}
                          </Tag>
                        </Link>
                      ))}
                    </Space>
                  </div>
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

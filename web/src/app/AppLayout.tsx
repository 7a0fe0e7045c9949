import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Dropdown, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { GlobalOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { webModules } from '../modules/index';
import { useCurrentUser, useSession } from './auth';
import { WebModulesContext } from './modules-context';
import { activeEntry, visibleMenu } from './menu';
import { LOCALES } from './i18n';
import { LOCALE_LABELS, chooseLocale, currentLocale } from './locale';
import { useIsMobile } from './use-is-mobile';

const SIDER_WIDTH = 220;

/** The signed-in staff frame: side menu (a drawer on phones) from the modules the user may open, header with language and account. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const groups = useMemo(() => visibleMenu(webModules, me.permissions), [me.permissions]);
  const selected = activeEntry(
    location.pathname,
    groups.flatMap((g) => g.entries),
  );
  // labels depend on the language, so rebuild on change
  const items: MenuProps['items'] = useMemo(
    () => [
      { key: '', icon: <HomeOutlined />, label: <Link to="/">{t('menu.home')}</Link> },
      ...groups.map((g) => ({
        type: 'group' as const,
        key: `group:${g.group}`,
        label: t(`menuGroup.${g.group}`),
        children: g.entries.map((e) => ({ key: e.path, icon: e.icon, label: <Link to={`/${e.path}`}>{t(e.labelKey)}</Link> })),
      })),
    ],
    [groups, t, i18n.language],
  );

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected ? selected.path : location.pathname === '/' ? '' : location.pathname]}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 0 }}
      inlineCollapsed={!isMobile && collapsed}
      data-testid="side-menu"
    />
  );

  const languageItems: MenuProps['items'] = LOCALES.map((l) => ({ key: l, label: LOCALE_LABELS[l] }));
  const accountItems: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('account.signOut') },
  ];
  const onAccount: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') navigate('/password');
    if (key === 'logout') {
      await signOut();
      navigate('/login', { replace: true });
    }
  };

  const brand = (
    <Link to="/" className="fg-brand" style={{ color: 'inherit' }}>
      <img src="/favicon.svg" alt="" width={24} height={24} />
      {!(collapsed && !isMobile) && <span>{t('app.name')}</span>}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          title={brand}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={SIDER_WIDTH}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="fg-sider"
        >
          <div className="fg-sider-brand">{brand}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="fg-header">
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {isMobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('account.openMenu')}
                onClick={() => setDrawerOpen(true)}
                data-testid="menu-button"
              />
            )}
            {isMobile && brand}
          </Flex>
          <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
            <Dropdown
              menu={{
                items: languageItems,
                selectable: true,
                selectedKeys: [currentLocale()],
                onClick: ({ key }) => void chooseLocale(key as (typeof LOCALES)[number], true),
              }}
              trigger={['click']}
            >
              <Button type="text" icon={<GlobalOutlined />} data-testid="language-switch">
                {!isMobile && LOCALE_LABELS[currentLocale()]}
              </Button>
            </Dropdown>
            <Dropdown menu={{ items: accountItems, onClick: onAccount }} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
                <Typography.Text ellipsis style={{ maxWidth: isMobile ? 96 : 200 }}>
                  {me.displayName}
                </Typography.Text>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="fg-content">
          <WebModulesContext.Provider value={webModules}>
            <Outlet />
          </WebModulesContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { createBrowserRouter, isRouteErrorResponse, Link, useRouteError, type RouteObject } from 'react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoginPage, webModules } from '../modules/index';
import { AppLayout } from './AppLayout';
import { RequireAuth } from './auth';

/** Unknown addresses, inside or outside the staff layout. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('action.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A route threw while rendering or loading: say so, keep the way home. */
function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Result
      status="error"
      title={t('error.unexpected')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={<Button onClick={() => window.location.reload()}>{t('action.reload')}</Button>}
    />
  );
}

export function buildRoutes(): RouteObject[] {
  return [
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    // public, phone-first pages need no sign-in; each module's public paths sit under /p/
    { path: '/p', errorElement: <RouteErrorPage />, children: webModules.flatMap((m) => m.publicRoutes ?? []) },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [...webModules.flatMap((m) => m.routes), { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}

export const router = createBrowserRouter(buildRoutes());

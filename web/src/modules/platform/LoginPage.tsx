import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../../app/auth';
import { LOCALES, type AppLocale } from '../../app/i18n';
import { LOCALE_LABELS, chooseLocale, currentLocale } from '../../app/locale';
import { applyFieldErrors } from '../../components/form-errors';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in, never an outside address. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation('platform');
  const [form] = Form.useForm<LoginForm>();
  const { signIn } = useSession();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me) return <Navigate to={safeNext(search.get('next'))} replace />;

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (e) {
      if (applyFieldErrors(form, e)) return;
      // wrong password, lock-out (429) and the rest: the server's message is already in the user's language
      setError(e instanceof Error ? e.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fg-login">
      <Card className="fg-login-card">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('common:app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common:app.tagline')}</Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 24 }}>
          <Segmented<AppLocale>
            size="small"
            value={currentLocale()}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
            onChange={(l) => void chooseLocale(l, false)}
          />
        </Flex>
      </Card>
    </div>
  );
}

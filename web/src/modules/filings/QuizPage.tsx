import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Form, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicQuiz, QuizResult } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';

/** The public phone page a staff member opens from the QR: answer, see the score, retry until passed. */
export function QuizPage() {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const { token } = useParams();
  const [form] = Form.useForm();
  const [result, setResult] = useState<QuizResult | null>(null);
  const quiz = useQuery({
    queryKey: ['filings', 'quiz', token],
    queryFn: () => api.get<PublicQuiz>(`/api/public/filings/quiz/${token}`),
  });
  const send = useMutation({
    mutationFn: (answers: number[]) => api.post<QuizResult>(`/api/public/filings/quiz/${token}`, { answers }),
    onSuccess: (r) => {
      setResult(r);
      window.scrollTo(0, 0);
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={4}>{t('quiz.title')}</Typography.Title>
      {quiz.isPending ? (
        <Skeleton active />
      ) : quiz.isError ? (
        <ErrorState error={quiz.error} onRetry={() => void quiz.refetch()} />
      ) : result ? (
        <Result
          status={result.passed ? 'success' : 'warning'}
          title={result.passed ? t('quiz.passed') : t('quiz.failed')}
          subTitle={t('quiz.score', {
            score: result.score,
            passMark: result.passMark,
            correct: result.correct,
            total: result.total,
          })}
          extra={
            !result.passed && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setResult(null);
                }}
              >
                {t('quiz.retry')}
              </Button>
            )
          }
        />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>
            {quiz.data.entityName} · {quiz.data.staffName}
          </Typography.Text>
          {quiz.data.passed && <Alert type="success" showIcon message={t('quiz.alreadyPassed')} />}
          <Typography.Text type="secondary">
            {t('quiz.intro', { n: quiz.data.questions.length, passMark: quiz.data.passMark })}
          </Typography.Text>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v: Record<string, number>) => send.mutate(quiz.data.questions.map((_, i) => v[`q${i}`]!))}
          >
            {quiz.data.questions.map((q, i) => (
              <Card key={i} size="small" style={{ marginBottom: 12 }}>
                <Form.Item
                  name={`q${i}`}
                  label={`${i + 1}. ${q.text}`}
                  rules={[{ required: true, message: t('quiz.answerRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Radio.Group>
                    <Space direction="vertical">
                      {q.options.map((o, j) => (
                        <Radio key={j} value={j}>
                          {o}
                        </Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
              </Card>
            ))}
            <Button type="primary" htmlType="submit" size="large" block loading={send.isPending}>
              {t('quiz.submit')}
            </Button>
          </Form>
        </Space>
      )}
    </div>
  );
}

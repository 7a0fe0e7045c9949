import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
  Upload,
} from 'antd';
import { CameraOutlined, PictureOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  FEVER_THRESHOLD,
  proofTypes,
  type Booking,
  type CheckinResult,
  type GateStats,
  type HealthCode,
  type VenueDetail,
} from '@fugong/contract';
import { ApiError, api } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { bookingStatusStyles, checkinStatusStyles } from './labels';
import { decodeQr, decodeQrFile } from './qr-scan';

/** /venues/gate: venue staff go straight to their own venue's gate. */
export function GateHome() {
  const { t } = useTranslation('venues');
  const me = useCurrentUser();
  const ids = [...new Set(me.grants.map((g) => g.venueId).filter((x): x is number => !!x))];
  if (ids.length === 1) return <Navigate to={`/venues/${ids[0]}/gate`} replace />;
  if (ids.length === 0) return <Navigate to="/venues" replace />;
  return (
    <PageContainer title={t('gate.title')}>
      <List
        dataSource={ids}
        renderItem={(id) => (
          <List.Item>
            <Link to={`/venues/${id}/gate`}>#{id}</Link>
          </List.Item>
        )}
      />
    </PageContainer>
  );
}

function VisitorCheck({
  venueId,
  booking,
  visitor,
  onDone,
}: {
  venueId: number;
  booking: Booking;
  visitor: Booking['visitors'][number];
  onDone: (r: CheckinResult) => void;
}) {
  const { t } = useTranslation('venues');
  const [healthCode, setHealthCode] = useState<HealthCode>('green');
  const [temperature, setTemperature] = useState<number | null>(36.5);
  const [proofType, setProofType] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const check = async () => {
    setBusy(true);
    try {
      onDone(
        await api.post<CheckinResult>(`/api/venues/${venueId}/gate/checkins`, {
          visitorId: visitor.id,
          healthCode,
          temperature,
          proofType: proofType ?? null,
        }),
      );
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const fever = temperature !== null && temperature >= FEVER_THRESHOLD;
  return (
    <Card
      size="small"
      data-testid={`visitor-${visitor.id}`}
      title={`${visitor.nameMasked} · ${visitor.idMasked}`}
      extra={<StatusTag value={visitor.checkinStatus} map={checkinStatusStyles} />}
    >
      {visitor.checkinStatus === 'admitted' ? (
        <Typography.Text type="success">
          {t('gate.admittedAt', { time: visitor.admittedAt ? new Date(visitor.admittedAt).toLocaleTimeString() : '' })}
        </Typography.Text>
      ) : booking.status !== 'booked' ? null : (
        <Flex vertical gap={8}>
          <Radio.Group
            value={healthCode}
            onChange={(e) => setHealthCode(e.target.value)}
            optionType="button"
            buttonStyle="solid"
            aria-label={t('gate.healthCode')}
          >
            <Radio.Button value="green">{t('healthCode.green')}</Radio.Button>
            <Radio.Button value="yellow">{t('healthCode.yellow')}</Radio.Button>
            <Radio.Button value="red">{t('healthCode.red')}</Radio.Button>
          </Radio.Group>
          <Space wrap>
            <InputNumber
              aria-label={t('gate.temperature')}
              addonBefore={t('gate.temperature')}
              addonAfter="℃"
              min={34}
              max={43}
              step={0.1}
              value={temperature}
              onChange={setTemperature}
              status={fever ? 'error' : undefined}
              style={{ width: 200 }}
            />
            {visitor.policyId && (
              <Select
                allowClear
                placeholder={t('gate.proof')}
                style={{ width: 180 }}
                value={proofType}
                onChange={setProofType}
                options={proofTypes.map((p) => ({ value: p, label: t(`proofType.${p}`) }))}
              />
            )}
          </Space>
          <Button type="primary" onClick={() => void check()} loading={busy} disabled={temperature === null}>
            {t('gate.check')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('venues');
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const canvas = document.createElement('canvas');
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const code = await decodeQr(video.current, canvas);
          if (code) {
            onCode(code);
            setOn(false);
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setProblem(t('gate.cameraUnavailable'));
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [on, onCode, t]);
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        <Button icon={<CameraOutlined />} onClick={() => setOn(!on)}>
          {on ? t('gate.stopCamera') : t('gate.scan')}
        </Button>
        <Upload
          accept="image/*"
          showUploadList={false}
          beforeUpload={(file) => {
            void decodeQrFile(file).then((code) => (code ? onCode(code) : setProblem(t('gate.noQrInImage'))));
            return false;
          }}
        >
          <Button icon={<PictureOutlined />} data-testid="qr-image">
            {t('gate.fromImage')}
          </Button>
        </Upload>
      </Space>
      {on && (
        <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 360, borderRadius: 8, background: '#000' }} />
      )}
      {problem && <Alert type="warning" showIcon message={problem} closable onClose={() => setProblem(null)} />}
    </Flex>
  );
}

/** 入园核验: scan the booking QR or type the code / ID number; check health code and temperature; admit or refuse. */
export function GatePage() {
  const { t } = useTranslation('venues');
  const venueId = Number(useParams().id);
  const qc = useQueryClient();
  const venue = useQuery({ queryKey: ['venue', venueId], queryFn: () => api.get<VenueDetail>(`/api/venues/${venueId}`) });
  const stats = useQuery({
    queryKey: ['gate-stats', venueId],
    queryFn: () => api.get<GateStats>(`/api/venues/${venueId}/gate/stats`),
    refetchInterval: 5000,
  });
  const [query, setQuery] = useState('');
  const [booking, setBooking] = useState<Booking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<CheckinResult | null>(null);

  const find = async (q: string) => {
    const text = q.trim();
    if (!text) return;
    setProblem(null);
    setResult(null);
    try {
      setBooking(await api.post<Booking>(`/api/venues/${venueId}/gate/lookup`, { query: text }));
    } catch (e) {
      setBooking(null);
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const done = async (r: CheckinResult) => {
    setResult(r);
    void qc.invalidateQueries({ queryKey: ['gate-stats', venueId] });
    if (booking) setBooking(await api.post<Booking>(`/api/venues/${venueId}/gate/lookup`, { query: booking.code }));
  };

  if (venue.error) return <ErrorState error={venue.error} onRetry={() => void venue.refetch()} />;
  const s = stats.data;
  return (
    <PageContainer
      title={`${t('gate.title')} · ${venue.data?.name ?? ''}`}
      extra={
        s && (
          <ExportButton
            url={`/api/venues/${venueId}/gate/checkins/export`}
            filename={`${t('gate.exportName')}-${venue.data?.name ?? venueId}-${s.day}.xlsx`}
            query={{ day: s.day }}
          />
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('gate.capacity')} value={s?.capacity ?? '-'} loading={stats.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('gate.booked')} value={s?.booked ?? '-'} loading={stats.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('gate.admitted')}
              value={s?.admitted ?? '-'}
              suffix={s ? `(${s.occupancyPct}%)` : ''}
              valueStyle={{ color: '#389e0d' }}
              loading={stats.isPending}
              data-testid="stat-admitted"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('gate.refused')}
              value={s?.refused ?? '-'}
              valueStyle={{ color: '#cf1322' }}
              loading={stats.isPending}
              data-testid="stat-refused"
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Scanner
            onCode={(code) => {
              setQuery(code);
              void find(code);
            }}
          />
          <Input.Search
            placeholder={t('gate.queryPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onSearch={(v) => void find(v)}
            enterButton={
              <>
                <SearchOutlined /> {t('gate.find')}
              </>
            }
            aria-label={t('gate.queryPlaceholder')}
            maxLength={30}
          />
        </Flex>
      </Card>
      {result && (
        <Result
          data-testid="checkin-result"
          status={result.outcome === 'admitted' ? 'success' : result.outcome === 'refused' ? 'error' : 'info'}
          title={t(`gate.outcome.${result.outcome}`)}
          subTitle={result.message}
          style={{ padding: 16 }}
        />
      )}
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      {booking ? (
        <Flex vertical gap={12}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('result.code')}>{booking.code}</Descriptions.Item>
            <Descriptions.Item label={t('book.day')}>
              {booking.day}
              {booking.slotLabel ? ` · ${booking.slotLabel}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('result.status')}>
              <StatusTag value={booking.status} map={bookingStatusStyles} />
            </Descriptions.Item>
          </Descriptions>
          {booking.visitors.map((v) => (
            <VisitorCheck key={v.id} venueId={venueId} booking={booking} visitor={v} onDone={(r) => void done(r)} />
          ))}
        </Flex>
      ) : (
        !problem && <Empty description={t('gate.waiting')} />
      )}
    </PageContainer>
  );
}

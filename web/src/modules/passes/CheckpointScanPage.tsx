import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Checkpoint, Scan, ScanDirection, VerifyResult } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { scanVideo, tokenFromQr } from './qr-scanner';

/** 卡点核验, phone-first: pick the checkpoint, scan a pass QR or type an ID number, read a big green or red answer. */
export function CheckpointScanPage() {
  const { t } = useTranslation('passes');
  const checkpoints = useQuery({
    queryKey: ['/api/checkpoints'],
    queryFn: () => api.get<{ items: Checkpoint[] }>('/api/checkpoints').then((r) => r.items.filter((c) => c.active)),
  });
  const [checkpointId, setCheckpointId] = useState<number | null>(null);
  const [direction, setDirection] = useState<ScanDirection>('in');
  const [idNumber, setIdNumber] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [camera, setCamera] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const cp = checkpointId ?? checkpoints.data?.[0]?.id ?? null;
  const scans = useQuery({
    queryKey: ['/api/checkpoints', cp, 'scans'],
    queryFn: () => api.get<{ items: Scan[] }>(`/api/checkpoints/${cp}/scans`, { limit: 10 }),
    enabled: !!cp,
  });
  const verify = useMutation({
    mutationFn: (v: { token?: string; idNumber?: string }) =>
      api.post<VerifyResult>('/api/passes/verify', { checkpointId: cp, direction, ...v }),
    onSuccess: (r) => {
      setResult(r);
      setIdNumber('');
      void scans.refetch();
    },
  });
  const verifyRef = useRef(verify.mutate);
  verifyRef.current = verify.mutate;

  useEffect(() => {
    if (!camera) return;
    let stream: MediaStream | null = null;
    let stop = () => undefined as void;
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        void video.current.play();
        stop = scanVideo(video.current, (text) => verifyRef.current({ token: tokenFromQr(text) }));
      })
      .catch((e: Error) => {
        setCameraError(e.message);
        setCamera(false);
      });
    if (!navigator.mediaDevices) {
      setCameraError(t('scan.noCamera'));
      setCamera(false);
    }
    return () => {
      stop();
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [camera, t]);

  if (checkpoints.isError) return <ErrorState error={checkpoints.error} onRetry={() => void checkpoints.refetch()} />;
  const ok = result?.valid;
  return (
    <div className="fg-public" style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('menu.scan')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Select
          style={{ width: '100%' }}
          size="large"
          loading={checkpoints.isLoading}
          value={cp ?? undefined}
          placeholder={t('scan.pickCheckpoint')}
          onChange={(v: number) => setCheckpointId(v)}
          options={(checkpoints.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${t(`kind.${c.kind}`)}）` }))}
          notFoundContent={t('scan.noCheckpoints')}
        />
        <Segmented
          block
          size="large"
          value={direction}
          onChange={(v) => setDirection(v as ScanDirection)}
          options={[
            { value: 'in', label: t('direction.in') },
            { value: 'out', label: t('direction.out') },
          ]}
        />
        {result && (
          <div
            data-testid="verify-result"
            data-valid={String(result.valid)}
            style={{
              background: ok ? '#389e0d' : '#cf1322',
              color: '#fff',
              borderRadius: 12,
              padding: '28px 16px',
              textAlign: 'center',
            }}
          >
            <div style={{ fontSize: 40, fontWeight: 700 }}>{ok ? t('scan.valid') : t('scan.invalid')}</div>
            {!ok && result.reason && <div style={{ fontSize: 22 }}>{t(`reason.${result.reason}`)}</div>}
            {result.pass && (
              <div style={{ fontSize: 18, marginTop: 8 }}>
                {result.pass.personName} · {t(`class.${result.pass.passClass}`)} · {result.pass.idNumberMasked}
                <div>
                  {t('field.validUntil')} {result.pass.validUntil}
                </div>
              </div>
            )}
          </div>
        )}
        {verify.isError && <Alert type="error" showIcon message={(verify.error as Error).message} />}
        {cameraError && <Alert type="warning" showIcon message={t('scan.cameraFailed', { error: cameraError })} />}
        {camera ? (
          <>
            <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />
            <Button block size="large" icon={<StopOutlined />} onClick={() => setCamera(false)}>
              {t('scan.stopCamera')}
            </Button>
          </>
        ) : (
          <Button
            block
            size="large"
            type="primary"
            icon={<CameraOutlined />}
            disabled={!cp}
            onClick={() => {
              setCameraError(null);
              setCamera(true);
            }}
          >
            {t('scan.camera')}
          </Button>
        )}
        <Space.Compact style={{ width: '100%' }}>
          <Input
            size="large"
            value={idNumber}
            maxLength={100}
            placeholder={t('scan.idPlaceholder')}
            onChange={(e) => setIdNumber(e.target.value)}
            onPressEnter={() =>
              idNumber &&
              verify.mutate(/^[0-9]{17}[0-9Xx]$/.test(idNumber.trim()) ? { idNumber } : { token: tokenFromQr(idNumber) })
            }
          />
          <Button
            size="large"
            type="primary"
            disabled={!cp || !idNumber}
            loading={verify.isPending}
            onClick={() =>
              verify.mutate(/^[0-9]{17}[0-9Xx]$/.test(idNumber.trim()) ? { idNumber } : { token: tokenFromQr(idNumber) })
            }
          >
            {t('scan.verify')}
          </Button>
        </Space.Compact>
        <List
          header={<b>{t('scan.recent')}</b>}
          size="small"
          loading={scans.isLoading}
          dataSource={scans.data?.items ?? []}
          locale={{ emptyText: t('scan.noScans') }}
          renderItem={(s) => (
            <List.Item>
              <Space wrap>
                <span>{dayjs(s.at).format('HH:mm:ss')}</span>
                <Tag color={s.valid ? 'green' : 'red'}>
                  {s.valid ? t('scan.valid') : t(`reason.${s.reason}`, { defaultValue: s.reason ?? '' })}
                </Tag>
                <span>{t(`direction.${s.direction}`)}</span>
                <span>{s.personName ?? '—'}</span>
                {s.passClass && <Tag>{s.passClass}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </div>
  );
}

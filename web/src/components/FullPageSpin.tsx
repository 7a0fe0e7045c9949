import { Spin } from 'antd';

/** Centred spinner for a page (or the whole app) that is still loading. */
export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: 240, height: '100%' }}>
      <Spin size="large" />
    </div>
  );
}

// The Upload page (shift leads): the upload engine, the batches on their way to Windows Autopilot with
// every device's result, and the customers they can be registered for.
import { useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { CustomersPanel } from '../features/partner/CustomersPanel';
import { EngineStatus } from '../features/upload/EngineStatus';
import { UploadBatches } from '../features/upload/UploadBatches';
import '../features/upload/upload.css';

type Tab = 'uploads' | 'customers';

export function UploadPage(): ReactNode {
  const { t } = useTranslation('upload');
  const [tab, setTab] = useState<Tab>('uploads');
  return (
    <section className="upload" data-testid="upload-page">
      <h1>{t('title')}</h1>
      <div className="tabs" role="group" aria-label={t('sections')}>
        <button type="button" className="tab" aria-pressed={tab === 'uploads'} onClick={() => setTab('uploads')} data-testid="upload-tab-uploads">
          {t('tab.uploads')}
        </button>
        <button type="button" className="tab" aria-pressed={tab === 'customers'} onClick={() => setTab('customers')} data-testid="upload-tab-customers">
          {t('tab.customers')}
        </button>
      </div>
      {tab === 'uploads' ? (
        <>
          <EngineStatus />
          <UploadBatches />
        </>
      ) : (
        <CustomersPanel />
      )}
    </section>
  );
}

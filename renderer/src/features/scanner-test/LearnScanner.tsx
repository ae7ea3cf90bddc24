// Settings > Scanner test > Learn this scanner: the test label (shown and printable), three reads of
// it, and the profile the station learns from them (shared/domain/wedge/learn.ts). Admins keep it.
import { useMemo, useState, type ReactNode } from 'react';
import { toSVG } from 'bwip-js/browser';
import { learnScanner, MIN_SAMPLES, type LearnSample } from '../../../../shared/domain/wedge/learn';
import type { ScannerProfile } from '../../../../shared/domain/wedge/profile';
import { TEST_LABEL_BWIP_TEXT } from '../../../../shared/domain/wedge/test-label';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import type { WedgeBurst } from '../../scanner/wedge-detector';

export function labelSvg(): string {
  return toSVG({ bcid: 'code128', text: TEST_LABEL_BWIP_TEXT, parsefnc: true, scale: 2, height: 14, includetext: false, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'FFFFFF' });
}

export function LearnScanner({ reads, canEdit, profiles, onClear }: { reads: readonly WedgeBurst[]; canEdit: boolean; profiles: readonly ScannerProfile[]; onClear: () => void }): ReactNode {
  const { t } = useTranslation('scannerTest');
  const api = useApi();
  const [name, setName] = useState(() => t('learn.defaultName'));
  const [status, setStatus] = useState<string | null>(null);
  const svg = useMemo(labelSvg, []);
  const samples: LearnSample[] = reads.map((b) => ({ keys: b.keys, gaps: b.gaps, terminator: b.terminator }));
  const learned = samples.length >= MIN_SAMPLES ? learnScanner(samples, { id: slug(name), name, now: Date.now() }) : undefined;

  async function keep(profile: ScannerProfile): Promise<void> {
    const result = await api.call('scanner:saveProfile', profile);
    setStatus(result.ok ? t('learn.kept', { name: profile.name }) : errorText(result.error));
    if (result.ok) onClear();
  }

  return (
    <section className="learn-scanner" data-testid="learn-scanner">
      <h2>{t('learn.title')}</h2>
      <p className="hint">{t('learn.intro', { count: MIN_SAMPLES })}</p>
      <div className="test-label" data-testid="test-label" dangerouslySetInnerHTML={{ __html: svg }} />
      <button type="button" className="btn" onClick={() => window.print()} data-testid="print-label">
        {t('learn.print')}
      </button>
      <p data-testid="learn-count">
        {t('learn.count', { done: reads.length, total: MIN_SAMPLES })}
      </p>
      {learned !== undefined && !learned.ok && (
        <ul className="message message-error" role="alert" data-testid="learn-problems">
          {learned.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {learned?.ok === true && <ProfileView profile={learned.profile} testId="learned-profile" />}
      {learned?.ok === true && canEdit && (
        <div className="learn-keep">
          <label htmlFor="scanner-name">{t('learn.name')}</label>
          <input id="scanner-name" value={name} onChange={(e) => setName(e.target.value)} data-scan-target="" data-testid="scanner-name" />
          <button type="button" className="btn btn-primary" onClick={() => void keep(learned.profile)} data-testid="keep-profile">
            {t('learn.keep')}
          </button>
        </div>
      )}
      {status !== null && <p data-testid="learn-status">{status}</p>}
      {profiles.length > 0 && (
        <div data-testid="known-scanners">
          <h3>{t('learn.known')}</h3>
          {profiles.map((p) => (
            <ProfileView key={p.id} profile={p} testId={`profile-${p.id}`} />
          ))}
        </div>
      )}
    </section>
  );
}

function ProfileView({ profile, testId }: { profile: ScannerProfile; testId: string }): ReactNode {
  const { t } = useTranslation('scannerTest');
  const gs = t(`profile.gs.${profile.gs.method}`, { text: profile.gs.text });
  return (
    <dl className="burst-facts" data-testid={testId}>
      <dt>{t('profile.scanner')}</dt>
      <dd>{profile.name}</dd>
      <dt>{t('profile.pace')}</dt>
      <dd data-testid="profile-pace">
        {t('profile.paceText', { pace: profile.measured.paceMs, gap: profile.measured.maxGapMs, slow: Math.round(profile.pace.slowMeanMs), max: Math.round(profile.pace.maxGapMs) })}
      </dd>
      <dt>{t('profile.endsWith')}</dt>
      <dd data-testid="profile-terminator">{profile.terminator === 'none' ? t('profile.noTerminator') : profile.terminator}</dd>
      <dt>{t('profile.framing')}</dt>
      <dd data-testid="profile-framing">
        {t('profile.framingText', {
          prefix: profile.prefix === '' ? t('profile.noPrefix') : t('profile.prefix', { value: profile.prefix }),
          suffix: profile.suffix === '' ? t('profile.noSuffix') : t('profile.suffix', { value: profile.suffix }),
          aim: profile.aim === null ? t('profile.noAim') : t('profile.aim', { value: profile.aim }),
        })}
      </dd>
      <dt>{t('profile.gsTitle')}</dt>
      <dd data-testid="profile-gs">{gs}</dd>
      <dt>{t('profile.layout')}</dt>
      <dd data-testid="profile-layout">{profile.layoutNote}</dd>
      {profile.warnings.map((w) => (
        <dd key={w} className="message message-error">
          {w}
        </dd>
      ))}
    </dl>
  );
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'scanner'
  );
}

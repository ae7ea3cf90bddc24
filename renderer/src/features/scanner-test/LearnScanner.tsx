// Settings > Scanner test > Learn this scanner: the test label (shown and printable), three reads of
// it, and the profile the station learns from them (shared/domain/wedge/learn.ts). Admins keep it.
import { useMemo, useState, type ReactNode } from 'react';
import { toSVG } from 'bwip-js/browser';
import { learnScanner, MIN_SAMPLES, type LearnSample } from '../../../../shared/domain/wedge/learn';
import type { ScannerProfile } from '../../../../shared/domain/wedge/profile';
import { TEST_LABEL_BWIP_TEXT } from '../../../../shared/domain/wedge/test-label';
import { useApi } from '../../store/provider';
import type { WedgeBurst } from '../../scanner/wedge-detector';

export function labelSvg(): string {
  return toSVG({ bcid: 'code128', text: TEST_LABEL_BWIP_TEXT, parsefnc: true, scale: 2, height: 14, includetext: false, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'FFFFFF' });
}

export function LearnScanner({ reads, canEdit, profiles, onClear }: { reads: readonly WedgeBurst[]; canEdit: boolean; profiles: readonly ScannerProfile[]; onClear: () => void }): ReactNode {
  const api = useApi();
  const [name, setName] = useState('Scanner 1');
  const [status, setStatus] = useState<string | null>(null);
  const svg = useMemo(labelSvg, []);
  const samples: LearnSample[] = reads.map((b) => ({ keys: b.keys, gaps: b.gaps, terminator: b.terminator }));
  const learned = samples.length >= MIN_SAMPLES ? learnScanner(samples, { id: slug(name), name, now: Date.now() }) : undefined;

  async function keep(profile: ScannerProfile): Promise<void> {
    const result = await api.call('scanner:saveProfile', profile);
    setStatus(result.ok ? `Kept "${profile.name}". Scans from it are read with its map from now on.` : result.error.message);
    if (result.ok) onClear();
  }

  return (
    <section className="learn-scanner" data-testid="learn-scanner">
      <h2>Learn this scanner</h2>
      <p className="hint">Scan this label {MIN_SAMPLES} times. The station learns the scanner's pace, its prefix, suffix and AIM identifier, how it sends GS, and what its keys type on this PC&apos;s keyboard layout.</p>
      <div className="test-label" data-testid="test-label" dangerouslySetInnerHTML={{ __html: svg }} />
      <button type="button" className="btn" onClick={() => window.print()} data-testid="print-label">
        Print the label
      </button>
      <p data-testid="learn-count">
        Reads of the label: {reads.length} of {MIN_SAMPLES}
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
          <label htmlFor="scanner-name">Name</label>
          <input id="scanner-name" value={name} onChange={(e) => setName(e.target.value)} data-scan-target="" data-testid="scanner-name" />
          <button type="button" className="btn btn-primary" onClick={() => void keep(learned.profile)} data-testid="keep-profile">
            Keep this scanner
          </button>
        </div>
      )}
      {status !== null && <p data-testid="learn-status">{status}</p>}
      {profiles.length > 0 && (
        <div data-testid="known-scanners">
          <h3>Scanners this station knows</h3>
          {profiles.map((p) => (
            <ProfileView key={p.id} profile={p} testId={`profile-${p.id}`} />
          ))}
        </div>
      )}
    </section>
  );
}

function ProfileView({ profile, testId }: { profile: ScannerProfile; testId: string }): ReactNode {
  const gs = { 'ctrl-bracket': 'Ctrl+]', 'alt-code': 'Alt+029', text: `the text ${profile.gs.text}`, dropped: 'nothing (dropped)', none: 'the GS character' }[profile.gs.method];
  return (
    <dl className="burst-facts" data-testid={testId}>
      <dt>Scanner</dt>
      <dd>{profile.name}</dd>
      <dt>Pace</dt>
      <dd data-testid="profile-pace">
        {profile.measured.paceMs} ms per key, longest gap {profile.measured.maxGapMs} ms; taken up to {Math.round(profile.pace.slowMeanMs)} ms per key and gaps up to {Math.round(profile.pace.maxGapMs)} ms
      </dd>
      <dt>Ends with</dt>
      <dd data-testid="profile-terminator">{profile.terminator === 'none' ? 'nothing (a pause)' : profile.terminator}</dd>
      <dt>Prefix / suffix</dt>
      <dd data-testid="profile-framing">
        {profile.prefix === '' ? 'no prefix' : `prefix "${profile.prefix}"`}, {profile.suffix === '' ? 'no suffix' : `suffix "${profile.suffix}"`}
        {profile.aim === null ? ', no AIM identifier' : `, AIM identifier ${profile.aim}`}
      </dd>
      <dt>GS sent as</dt>
      <dd data-testid="profile-gs">{gs}</dd>
      <dt>Layout</dt>
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

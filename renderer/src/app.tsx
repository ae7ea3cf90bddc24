// Chooses the screen: a link or reachability problem first, then first run, sign-in or the shell.
import type { ReactNode } from 'react';
import { BootScreen } from './features/boot/BootScreen';
import { LinkNeeded } from './features/boot/LinkNeeded';
import { Unreachable } from './features/boot/Unreachable';
import { UnreachableBanner } from './features/boot/UnreachableBanner';
import { useBoot } from './features/boot/use-boot';
import { FirstRun } from './features/first-run/FirstRun';
import { Shell } from './shell/Shell';
import { SignIn } from './features/sign-in/SignIn';
import { useAppStore } from './store/provider';

export function App(): ReactNode {
  const boot = useBoot();
  const link = useAppStore((s) => s.link);
  const stationStatus = useAppStore((s) => s.stationStatus);
  const stationError = useAppStore((s) => s.stationError);
  const needsFirstAdmin = useAppStore((s) => s.station?.needsFirstAdmin ?? false);
  const sessionChecked = useAppStore((s) => s.sessionChecked);
  const signedIn = useAppStore((s) => s.operator !== null);

  if (link === 'link-needed') return <LinkNeeded />;
  const started = stationStatus === 'ready' && sessionChecked;
  if (!started && link === 'unreachable') return <Unreachable onRetry={boot} />;
  if (stationStatus === 'failed') return <Unreachable onRetry={boot} message={stationError} />;
  if (!started) return <BootScreen />;
  return (
    <>
      {link === 'unreachable' && <UnreachableBanner />}
      {needsFirstAdmin ? <FirstRun /> : signedIn ? <Shell /> : <SignIn />}
    </>
  );
}

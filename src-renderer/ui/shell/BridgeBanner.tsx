// Shown when the renderer cannot reach Berth itself (the WebSocket bridge dropped: Berth quit or
// restarted). The transport reconnects on its own; the banner says so. A grace period at start-up
// avoids flashing it while the first connection is being made.
import { Unplug } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useBerth } from '../../store';

const STARTUP_GRACE_MS = 1500;

export function BridgeBanner() {
  const connected = useBerth((s) => s.bridgeConnected);
  const [everConnected, setEverConnected] = useState(false);
  const [graceOver, setGraceOver] = useState(false);

  useEffect(() => {
    if (connected) setEverConnected(true);
  }, [connected]);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), STARTUP_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);

  if (connected || (!everConnected && !graceOver)) return null;
  return (
    <div className="bridge-banner" role="alert">
      <Unplug aria-hidden />
      <span>
        <strong>{everConnected ? 'Lost the connection to Berth.' : 'Cannot reach Berth.'}</strong>{' '}
        {everConnected
          ? 'Reconnecting… what you see may be out of date.'
          : 'Is Berth still running? This page needs the address Berth printed, with its #token.'}
      </span>
      <span className="spinner" aria-hidden />
    </div>
  );
}

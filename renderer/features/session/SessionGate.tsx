/**
 * Between the app and an encrypted archive: while it is locked only the lock screen is mounted, so no
 * article text stays in the page. Main enforces the idle lock (session.ts); the gate learns of it by
 * polling the status (which is not activity) or from a call refused as locked, and reports the user's
 * activity back, throttled.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../electron/api.js';
import { api, errorLine, LOCKED_EVENT } from '../../api.js';
import { LockScreen } from './LockScreen.js';
import { RecoveryScreen } from './RecoveryScreen.js';
import { useActivity } from './useActivity.js';
import './session.css';

/** How often an open encrypted archive asks whether main has locked it. */
const POLL_MS = 5_000;

interface Session {
  status: SessionStatus;
  /** after the Security dialog changed something */
  setStatus: (status: SessionStatus) => void;
  lockNow: () => Promise<void>;
}

const Context = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(Context);
  if (!session) throw new Error('useSession outside SessionGate');
  return session;
}

export function SessionGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  // the idle minutes of the open archive, to say on the lock screen how it came to lock
  const [lastMinutes, setLastMinutes] = useState<number | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await api().sessionStatus({}));
      setError(null);
    } catch (e) {
      setError(errorLine(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onLocked = () => void refresh();
    window.addEventListener(LOCKED_EVENT, onLocked);
    return () => window.removeEventListener(LOCKED_EVENT, onLocked);
  }, [refresh]);

  const watching = status !== null && status.encrypted && !status.locked;
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [watching, refresh]);
  useActivity(watching);

  useEffect(() => {
    if (status && !status.locked) setLastMinutes(status.idleLockMinutes);
  }, [status]);

  const lockNow = useCallback(async () => {
    setStatus(await api().lock({}));
  }, []);
  const session = useMemo(() => (status ? { status, setStatus, lockNow } : null), [status, lockNow]);

  if (!session) return error ? <p className="pane-message error session-error">{error}</p> : null;
  if (session.status.problem) return <RecoveryScreen problem={session.status.problem} onRestored={setStatus} />;
  if (session.status.locked)
    return (
      <LockScreen
        status={session.status}
        idleMinutes={lastMinutes}
        onUnlocked={setStatus}
        onFailed={() => void refresh()}
      />
    );
  return <Context.Provider value={session}>{children}</Context.Provider>;
}

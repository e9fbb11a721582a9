/**
 * The editor application: sign-in, the policy list and one open policy, chosen by the URL hash
 * (`#/policies/<id>`). A refused key opens sign-in as a dialog over the current view, so
 * unsaved work stays on screen and in memory.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toApiProblem } from '../api/api-error';
import { createApolloClient } from '../api/apollo-client';
import { BatonApi } from '../api/baton-api';
import { clearApiKey, readApiKey, storeApiKey } from '../auth/session-key';
import { SignIn } from '../auth/SignIn';
import type { Viewer } from '../api/types';
import { AuditPage } from '../audit/AuditPage';
import { DirectoryPage } from '../directory/DirectoryPage';
import { KeysPage } from '../keys/KeysPage';
import { SignedInAs } from '../keys/SignedInAs';
import { PolicyList } from '../policies/PolicyList';
import { LiveQueuePage } from '../queue/LiveQueuePage';
import { ApiCallError, ApiContext, problemOf, type ApiContextValue } from './api-context';
import { PermissionsContext, permissionsOf } from './permissions';
import { PolicyEditor } from './PolicyEditor';

// The dashboard brings its charts (recharts): loaded when opened, not with the first screen.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

const policyFromHash = () => /^#\/policies\/(.+)$/.exec(window.location.hash)?.[1] ?? null;
const auditFromHash = () => window.location.hash === '#/audit';
const dashboardFromHash = () => window.location.hash === '#/dashboard';
/** The screens of their own (API keys, directory, live queue) by their hash; null for any other view. */
type Screen = 'keys' | 'directory' | 'queue';
const adminFromHash = (): Screen | null => {
  const screen = /^#\/(keys|directory|queue)$/.exec(window.location.hash)?.[1];
  return (screen as Screen | undefined) ?? null;
};

export function App() {
  const [key, setKey] = useState<string | null>(readApiKey);
  const [reauth, setReauth] = useState<string | null>(null);
  const [policyId, setPolicyId] = useState<string | null>(policyFromHash);
  const [audit, setAudit] = useState(auditFromHash);
  const [dashboard, setDashboard] = useState(dashboardFromHash);
  const [admin, setAdmin] = useState(adminFromHash);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [viewerError, setViewerError] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  // Apollo and the dataset upload read the key at request time, so signing in again needs no new client.
  const api = useMemo(() => {
    const getKey = () => keyRef.current;
    return new BatonApi(createApolloClient(getKey), getKey);
  }, []);
  const reauthDialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onHash = () => {
      setPolicyId(policyFromHash());
      setAudit(auditFromHash());
      setDashboard(dashboardFromHash());
      setAdmin(adminFromHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (reauth) reauthDialog.current?.showModal();
    else reauthDialog.current?.close();
  }, [reauth]);

  const call = useCallback<ApiContextValue['call']>(
    async (request) => {
      try {
        return await request(api);
      } catch (error) {
        const problem = toApiProblem(error);
        if (problem.kind === 'unauthenticated') setReauth(problem.message);
        throw new ApiCallError(problem);
      }
    },
    [api],
  );
  const context = useMemo(() => ({ api, call }), [api, call]);
  const permissions = useMemo(() => permissionsOf(viewer), [viewer]);

  // The role decides what the UI offers: ask who this key is whenever it changes.
  useEffect(() => {
    if (!key) return;
    setViewerError(null);
    call((a) => a.viewer()).then(setViewer, (caught: unknown) => setViewerError(problemOf(caught).message));
  }, [key, call]);

  const signIn = async (candidate: string): Promise<string | null> => {
    const previous = keyRef.current;
    keyRef.current = candidate;
    try {
      setViewer(await api.viewer());
      await api.policies();
      storeApiKey(candidate);
      setKey(candidate);
      setReauth(null);
      return null;
    } catch (error) {
      keyRef.current = previous;
      const problem = toApiProblem(error);
      return problem.kind === 'unauthenticated' ? 'This key is not accepted: it may be mistyped, expired or revoked.' : problem.message;
    }
  };
  const open = (id: string | null) => {
    window.location.hash = id ? `#/policies/${id}` : '#/';
    setPolicyId(id);
    setAudit(false);
    setDashboard(false);
    setAdmin(null);
  };
  const openAudit = () => {
    window.location.hash = '#/audit';
    setPolicyId(null);
    setAudit(true);
    setDashboard(false);
    setAdmin(null);
  };
  const openDashboard = () => {
    window.location.hash = '#/dashboard';
    setPolicyId(null);
    setAudit(false);
    setDashboard(true);
    setAdmin(null);
  };
  const openAdmin = (screen: Screen) => {
    window.location.hash = `#/${screen}`;
    setPolicyId(null);
    setAudit(false);
    setDashboard(false);
    setAdmin(screen);
  };

  if (!key) return <SignIn onSubmit={signIn} />;
  return (
    <ApiContext.Provider value={context}>
      <PermissionsContext.Provider value={permissions}>
        <div className="bn-app">
          <main className="bn-main">
            {viewerError ? (
              <p className="bn-error" role="alert">
                Could not read what this key may do: {viewerError}
              </p>
            ) : null}
            {!viewer && !viewerError ? (
              <p className="bn-page" role="status">
                Loading…
              </p>
            ) : dashboard ? (
              <Suspense
                fallback={
                  <p className="bn-page" role="status">
                    Loading the dashboard…
                  </p>
                }
              >
                <DashboardPage onBack={() => open(null)} onOpenPolicy={open} />
              </Suspense>
            ) : admin === 'keys' ? (
              <KeysPage onBack={() => open(null)} />
            ) : admin === 'directory' ? (
              <DirectoryPage onBack={() => open(null)} />
            ) : admin === 'queue' ? (
              <LiveQueuePage onBack={() => open(null)} />
            ) : audit ? (
              <AuditPage getKey={() => keyRef.current} onBack={() => open(null)} />
            ) : policyId ? (
              <PolicyEditor key={policyId} policyId={policyId} onBack={() => open(null)} />
            ) : (
              <PolicyList onOpen={open} />
            )}
          </main>
          {/* A bar of its own under the page, so it never covers a panel. */}
          <footer className="bn-account" aria-label="Account">
            {viewer ? <SignedInAs viewer={viewer} /> : null}
            {permissions.can('Query.handoffKpis') ? (
              <button type="button" className="bn-link" onClick={openDashboard}>
                Dashboard
              </button>
            ) : null}
            {permissions.can('Subscription.queueStatusUpdated') ? (
              <button type="button" className="bn-link" onClick={() => openAdmin('queue')}>
                Live queue
              </button>
            ) : null}
            {permissions.can('Query.queues') ? (
              <button type="button" className="bn-link" onClick={() => openAdmin('directory')}>
                Directory
              </button>
            ) : null}
            {permissions.can('Query.apiKeys') ? (
              <button type="button" className="bn-link" onClick={() => openAdmin('keys')}>
                API keys
              </button>
            ) : null}
            {permissions.can('Query.auditLog') ? (
              <button type="button" className="bn-link" onClick={openAudit}>
                Audit log
              </button>
            ) : null}
            <button
              type="button"
              className="bn-link"
              onClick={() => {
                clearApiKey();
                setKey(null);
                setViewer(null);
              }}
            >
              Sign out
            </button>
          </footer>
        </div>
      </PermissionsContext.Provider>
      <dialog ref={reauthDialog} className="bn-dialog" aria-label="Sign in again" onCancel={(e) => e.preventDefault()}>
        {reauth ? <SignIn onSubmit={signIn} reason={reauth} /> : null}
      </dialog>
    </ApiContext.Provider>
  );
}

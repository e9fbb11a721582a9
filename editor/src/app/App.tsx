/**
 * The editor application: sign-in, the policy list and one open policy, chosen by the URL hash
 * (`#/policies/<id>`). A refused key opens sign-in as a dialog over the current view, so
 * unsaved work stays on screen and in memory.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toApiProblem } from '../api/api-error';
import { createApolloClient } from '../api/apollo-client';
import { BatonApi } from '../api/baton-api';
import { clearApiKey, readApiKey, storeApiKey } from '../auth/session-key';
import { SignIn } from '../auth/SignIn';
import { PolicyList } from '../policies/PolicyList';
import { ApiCallError, ApiContext, type ApiContextValue } from './api-context';
import { PolicyEditor } from './PolicyEditor';

const policyFromHash = () => /^#\/policies\/(.+)$/.exec(window.location.hash)?.[1] ?? null;

export function App() {
  const [key, setKey] = useState<string | null>(readApiKey);
  const [reauth, setReauth] = useState<string | null>(null);
  const [policyId, setPolicyId] = useState<string | null>(policyFromHash);
  const keyRef = useRef(key);
  keyRef.current = key;
  const api = useMemo(() => new BatonApi(createApolloClient(() => keyRef.current)), []);
  const reauthDialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onHash = () => setPolicyId(policyFromHash());
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

  const signIn = async (candidate: string): Promise<string | null> => {
    const previous = keyRef.current;
    keyRef.current = candidate;
    try {
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
  };

  if (!key) return <SignIn onSubmit={signIn} />;
  return (
    <ApiContext.Provider value={context}>
      <div className="bn-app">
        <div className="bn-account">
          <button
            type="button"
            className="bn-link"
            onClick={() => {
              clearApiKey();
              setKey(null);
            }}
          >
            Sign out
          </button>
        </div>
        {policyId ? <PolicyEditor key={policyId} policyId={policyId} onBack={() => open(null)} /> : <PolicyList onOpen={open} />}
      </div>
      <dialog ref={reauthDialog} className="bn-dialog" aria-label="Sign in again" onCancel={(e) => e.preventDefault()}>
        {reauth ? <SignIn onSubmit={signIn} reason={reauth} /> : null}
      </dialog>
    </ApiContext.Provider>
  );
}

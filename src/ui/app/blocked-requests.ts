/**
 * Tells the user when the page's Content-Security-Policy refused a request (install-policy.ts): a
 * base map whose style names a host that was not known when the page started, or anything else
 * trying to reach another host. Once per host, so a tile grid does not flood the notice bar.
 */
import type { AppStoreApi } from '../../store/store';

/**
 * @param store the app store (the notice goes to `results.notice`)
 * @param target where violations are dispatched (the document)
 * @returns stops listening
 */
export function watchBlockedRequests(store: AppStoreApi, target: EventTarget = document): () => void {
  const told = new Set<string>();
  const onViolation = (event: Event) => {
    const { blockedURI, effectiveDirective } = event as SecurityPolicyViolationEvent;
    if (effectiveDirective !== 'connect-src' && effectiveDirective !== 'img-src') return;
    let host = blockedURI;
    try {
      host = new URL(blockedURI).origin;
    } catch {
      // 'inline', 'eval' or an empty URI: shown as given.
    }
    if (told.has(host)) return;
    told.add(host);
    store
      .getState()
      .dispatch({ type: 'results/notice', notice: { key: 'notice.requestBlocked', detail: host } });
  };
  target.addEventListener('securitypolicyviolation', onViolation);
  return () => target.removeEventListener('securitypolicyviolation', onViolation);
}

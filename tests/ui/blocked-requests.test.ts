/** A request refused by the page's policy is told once per host, with the host named. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { watchBlockedRequests } from '../../src/ui/app/blocked-requests';

const violation = (blockedURI: string, effectiveDirective = 'connect-src') =>
  Object.assign(new Event('securitypolicyviolation'), { blockedURI, effectiveDirective });

describe('watchBlockedRequests', () => {
  it('names the refused host once, and stops when asked', () => {
    const store = createAppStore();
    const target = new EventTarget();
    const notices: (string | undefined)[] = [];
    store.subscribe((s) => notices.push(s.results.notice?.detail));
    const stop = watchBlockedRequests(store, target);
    target.dispatchEvent(violation('https://tiles.example.com/1/2/3.png', 'img-src'));
    target.dispatchEvent(violation('https://tiles.example.com/1/2/4.png', 'img-src'));
    expect(store.getState().results.notice).toEqual({
      key: 'notice.requestBlocked',
      detail: 'https://tiles.example.com',
    });
    target.dispatchEvent(violation('wss://socket.example.net/x'));
    expect(store.getState().results.notice?.detail).toBe('wss://socket.example.net');
    // Not about reaching a host (a style or script refused): not this notice.
    target.dispatchEvent(violation('inline', 'style-src-attr'));
    stop();
    target.dispatchEvent(violation('https://later.example.org/'));
    expect(notices).toEqual(['https://tiles.example.com', 'wss://socket.example.net']);
  });
});

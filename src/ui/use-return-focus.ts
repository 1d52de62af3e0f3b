/**
 * Focus of a detail view (WAI-ARIA practice): when it opens, focus moves to its heading; when it
 * closes and focus would drop to <body>, focus goes back to the element that opened it, or to a new
 * element that stands for it (same `data-focus-key`, e.g. the list item re-rendered in the panel),
 * else to the panel's heading or its first focusable element.
 */
import { useEffect, useRef } from 'react';

/** The element that last received focus: the opener, even after it was removed from the document. */
let lastFocused: Element | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => {
    lastFocused = e.target instanceof Element ? e.target : null;
  });
}

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** True when nothing has focus (a focused element was removed and focus fell back to <body>). */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}

interface Opener {
  element: HTMLElement | null;
  key: string | null;
  panel: HTMLElement | null;
}

function returnTarget({ element, key, panel }: Opener): HTMLElement | null {
  if (element?.isConnected) return element;
  const twin = key ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
  if (twin) return twin;
  if (!panel?.isConnected) return null;
  return (
    panel.querySelector<HTMLElement>('h2[tabindex="-1"]') ??
    panel.querySelector<HTMLElement>(FOCUSABLE) ??
    panel
  );
}

/**
 * Moves focus to the returned ref's element (give it tabIndex={-1}) on mount, unless focus is
 * elsewhere outside the panel (e.g. on the map, where the user keeps working), and returns focus
 * on unmount when it would otherwise be lost.
 */
export function useReturnFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const opener = useRef<Opener | null>(null);
  useEffect(() => {
    const target = ref.current;
    // StrictMode runs this twice: the opener is the one seen on the first run.
    if (target && !opener.current) {
      const panel = target.closest<HTMLElement>('[role=tabpanel]');
      const active = document.activeElement;
      const from = focusLost() ? lastFocused : active;
      opener.current = {
        element: from instanceof HTMLElement && !target.contains(from) ? from : null,
        key: from?.getAttribute('data-focus-key') ?? null,
        panel,
      };
      if (focusLost() || (active && panel?.contains(active))) target.focus();
    }
    return () => {
      if (!opener.current || !focusLost()) return;
      returnTarget(opener.current)?.focus();
    };
  }, []);
  return ref;
}

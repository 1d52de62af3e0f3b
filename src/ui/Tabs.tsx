/** An accessible tab list (WAI-ARIA tabs pattern: arrow keys, Home/End, roving tabindex). */
import { useRef, type KeyboardEvent } from 'react';

export interface TabsProps<T extends string> {
  label: string;
  tabs: readonly { id: T; label: string }[];
  selected: T;
  onSelect(id: T): void;
}

export function Tabs<T extends string>({ label, tabs, selected, onSelect }: TabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, k: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? k === last
          ? 0
          : k + 1
        : e.key === 'ArrowLeft'
          ? k === 0
            ? last
            : k - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab, k) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[k] = el;
          }}
          role="tab"
          type="button"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => onKey(e, k)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** What each colour and mark on the map means, for the current colour mode and facility kind. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS } from '../core';
import {
  BASE_COLOURS,
  COMPLIANCE_COLOURS,
  FACILITY_COLOURS,
  MINUTE_COLOURS,
  SERVICE_AREA_MINUTES,
  SERVICE_AREA_OPACITY,
  UNDERSERVED_COLOUR,
} from '../map/palette';
import { useApp } from '../store/store';

function Swatch({
  colour,
  shape = 'square',
  ring,
  opacity,
}: {
  colour: string;
  shape?: 'square' | 'circle' | 'line' | 'dash' | 'hatch';
  ring?: string;
  /** Fill opacity (the map's, for translucent areas); the border stays opaque. */
  opacity?: number;
}) {
  const fill =
    opacity === undefined
      ? colour
      : `color-mix(in srgb, ${colour} ${Math.round(opacity * 100)}%, transparent)`;
  return (
    <span
      className={`swatch swatch-${shape}`}
      style={{
        background: shape === 'line' || shape === 'dash' ? undefined : fill,
        borderColor: ring ?? colour,
        color: colour,
      }}
      aria-hidden="true"
    />
  );
}

export function Legend() {
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  const minutes = useApp((s) => s.results.coverage?.byKind[s.view.kind]?.parameters.minutes ?? null);
  const hasContext = useApp((s) => (s.scenario.context?.features.length ?? 0) > 0);
  const kindName = t(`kinds.${view.kind}`);
  const details = useRef<HTMLDetailsElement>(null);
  // A printed map needs its key: a legend folded on screen opens for printing.
  useEffect(() => {
    const open = () => details.current?.setAttribute('open', '');
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
  return (
    <details className="legend" open data-testid="legend" ref={details}>
      <summary>
        <h2>{t('legend.title')}</h2>
      </summary>
      {view.colourBy === 'compliance' ? (
        <section>
          <h3>{t('legend.estatesCompliance')}</h3>
          <ul>
            {(['pass', 'fail', 'insufficient-data', 'not-applicable', 'pending'] as const).map((s) => (
              <li key={s}>
                <Swatch colour={COMPLIANCE_COLOURS[s]} />
                {t(`status.${s}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section>
          <h3>{t('legend.estatesMinutes', { kind: kindName })}</h3>
          <ul>
            <li>
              <Swatch colour={MINUTE_COLOURS.within5} />
              {t('legend.within', { min: 5 })}
            </li>
            <li>
              <Swatch colour={MINUTE_COLOURS.within10} />
              {t('legend.between', { from: 5, to: 10 })}
            </li>
            <li>
              <Swatch colour={MINUTE_COLOURS.within15} />
              {t('legend.between', { from: 10, to: 15 })}
            </li>
            <li>
              <Swatch colour={MINUTE_COLOURS.beyond} />
              {t('legend.beyond', { min: 15 })}
            </li>
            <li>
              <Swatch colour={MINUTE_COLOURS.unreachable} />
              {t('legend.unreachable')}
            </li>
          </ul>
        </section>
      )}
      {view.layers.facilities && (
        <section>
          <h3>{t('legend.facilities')}</h3>
          <ul>
            {FACILITY_KINDS.map((k) => (
              <li key={k}>
                <Swatch colour={FACILITY_COLOURS[k]} shape="circle" ring="#ffffff" />
                {t(`kinds.${k}`)}
              </li>
            ))}
            <li>
              <Swatch colour="#ffffff" shape="circle" ring={COMPLIANCE_COLOURS.fail} />
              {t('legend.overCapacity')}
            </li>
            <li className="legend-note">{t('legend.sizeIsCapacity')}</li>
          </ul>
        </section>
      )}
      <section>
        <h3>{t('legend.areas')}</h3>
        <ul>
          {/* The areas are nested and drawn translucent: within 5 minutes all three overlap, hence darker. */}
          {view.layers.serviceAreas &&
            SERVICE_AREA_MINUTES.map((min, k) => (
              <li key={min}>
                <Swatch
                  colour={FACILITY_COLOURS[view.kind]}
                  opacity={1 - (1 - SERVICE_AREA_OPACITY) ** (SERVICE_AREA_MINUTES.length - k)}
                />
                {t('legend.serviceAreaBand', { kind: kindName, min })}
              </li>
            ))}
          {view.layers.underserved && (
            <li>
              <Swatch colour={UNDERSERVED_COLOUR} shape="hatch" />
              {t('legend.underserved', { kind: kindName, min: minutes ?? '—' })}
            </li>
          )}
          {view.layers.districts && (
            <li>
              <Swatch colour={BASE_COLOURS.district} shape="dash" />
              {t('legend.districts')}
            </li>
          )}
          {view.layers.streets && (
            <li>
              <Swatch colour={BASE_COLOURS.street} shape="line" />
              {t('legend.streets')}
            </li>
          )}
          {hasContext && (
            <>
              <li>
                <Swatch colour={BASE_COLOURS.water} />
                {t('legend.water')}
              </li>
              <li>
                <Swatch colour={BASE_COLOURS.rail} shape="dash" />
                {t('legend.rail')}
              </li>
            </>
          )}
        </ul>
      </section>
    </details>
  );
}

import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS } from '../core';

/** The facility kinds as `<option>`s, named in the current language (used by every kind picker). */
export function KindOptions() {
  const { t } = useTranslation();
  return (
    <>
      {FACILITY_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`kinds.${k}`)}
        </option>
      ))}
    </>
  );
}

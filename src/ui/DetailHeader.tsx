import { useTranslation } from 'react-i18next';
import { dispatch } from '../store/store';
import { useReturnFocus } from './use-return-focus';

/**
 * The title of a selected estate or facility, with the button that closes the selection. Focus moves
 * to the title when the detail opens and back to what opened it when it closes (use-return-focus).
 * @param props `titleId` for aria-labelledby, `level` of the heading, `children` the title
 */
export function DetailHeader({
  titleId,
  level,
  children,
}: {
  titleId: string;
  level: 2 | 3;
  children: string;
}) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingRef = useReturnFocus<HTMLHeadingElement>();
  return (
    <header className="detail-header">
      <Heading id={titleId} ref={headingRef} tabIndex={-1}>
        {children}
      </Heading>
      <button
        type="button"
        onClick={() => dispatch({ type: 'view/select', selection: null })}
        aria-label={t('actions.close')}
      >
        ×
      </button>
    </header>
  );
}

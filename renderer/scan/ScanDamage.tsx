import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../preload/contract/areas/scan.ts';

/**
 * A keyboard-wedge scan whose text was damaged on the way (a keyboard layout, an input method, a
 * scanner that drops or garbles the letters it cannot type): what happened and what to change, so
 * the officer fixes the cause instead of working with a damaged name.
 */
export function ScanDamage({ damage }: { damage: NonNullable<ScanEvent['damage']> }) {
  const { t } = useTranslation();
  return (
    <div className="warnings scan-damage" role="alert" data-testid="scan-damage" data-kind={damage.kind}>
      <h3>{t(`scanDamage.${damage.kind}`)}</h3>
      {damage.layout && <p>{t(`scanLayout.${damage.layout}`, { defaultValue: damage.layout })}</p>}
      <p data-testid="scan-fix" data-fix={damage.fix}>
        {t(`scanFix.${damage.fix}`)}
      </p>
      {damage.evidence.length > 0 && (
        <p className="scan-evidence">
          {t('scanDamage.evidence', { evidence: damage.evidence.map((part) => `“${part}”`).join(', ') })}
        </p>
      )}
    </div>
  );
}

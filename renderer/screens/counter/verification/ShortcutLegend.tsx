import { useTranslation } from 'react-i18next';
import { verificationShortcuts } from './use-verification-keys.ts';

/** The keyboard shortcuts, always on screen (a new officer learns them by seeing them). */
export function ShortcutLegend() {
  const { t } = useTranslation();
  return (
    <aside className="shortcut-legend" aria-label={t('verify.shortcutsTitle')} data-testid="shortcut-legend">
      <h2 className="visually-hidden">{t('verify.shortcutsTitle')}</h2>
      <ul>
        {verificationShortcuts.map((shortcut) => (
          <li key={shortcut.key}>
            <kbd>{shortcut.key}</kbd> {t(`verify.shortcut.${shortcut.action}`)}
          </li>
        ))}
      </ul>
    </aside>
  );
}

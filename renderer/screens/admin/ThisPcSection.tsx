import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uiLanguages, type Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { useDisplaySettings } from '../../app/display-settings-context.tsx';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveBar } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

/**
 * This PC: whether it is enrolled and with which service, its office, counter and default language
 * (applied at once), and the enrollment with a one-time code. The central's address changes only
 * together with an enrollment: a PC pointed at a service that does not know it could not sign
 * anyone in, so saving the address alone is not offered.
 */
export function ThisPcSection({
  settings,
  onSaved,
  onEnrolled,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onEnrolled: () => void;
}) {
  return (
    <AdminSectionFrame section="this-pc">
      <EnrollmentState centralUrl={settings.centralUrl} />
      <OfficeForm settings={settings} onSaved={onSaved} />
      <EnrollmentForm centralUrl={settings.centralUrl} onEnrolled={onEnrolled} />
    </AdminSectionFrame>
  );
}

function EnrollmentState({ centralUrl }: { centralUrl: string | null }) {
  const { t } = useTranslation();
  const { settings } = useDisplaySettings();
  const state = settings.trainingMode ? 'training' : settings.enrolled ? 'enrolled' : 'not-enrolled';
  return (
    <dl className="admin-facts" data-testid="enrollment-state" data-state={state}>
      <div>
        <dt>{t('admin.pc.enrollment')}</dt>
        <dd>{t(`admin.pc.state.${state}`)}</dd>
      </div>
      <div>
        <dt>{t('admin.pc.central')}</dt>
        <dd>{centralUrl ?? t('admin.pc.noCentral')}</dd>
      </div>
      <div>
        <dt>{t('admin.pc.officeCounter')}</dt>
        <dd data-testid="enrollment-office">
          {t('admin.pc.officeCounterValue', { office: settings.officeCode, counter: settings.counterId })}
        </dd>
      </div>
    </dl>
  );
}

function OfficeForm({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { saveState, run } = useSaveState();
  const [draft, setDraft] = useState({
    officeCode: settings.officeCode,
    counterId: settings.counterId,
    language: settings.language,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await run(() =>
      api.call('settings.set', {
        patch: {
          officeCode: draft.officeCode.trim(),
          counterId: draft.counterId.trim(),
          language: draft.language,
        },
      }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <form className="admin-form" data-testid="admin-office" onSubmit={(event) => void submit(event)}>
      <h3>{t('admin.pc.officeTitle')}</h3>
      <p className="hint">{t('admin.pc.officeHint')}</p>
      <div className="admin-fields">
        <label>
          {t('setup.officeCode')}
          <input
            name="officeCode"
            inputMode="numeric"
            pattern="\d{5}"
            maxLength={5}
            required
            value={draft.officeCode}
            onChange={(event) => setDraft({ ...draft, officeCode: event.target.value })}
          />
        </label>
        <label>
          {t('setup.counterId')}
          <input
            name="counterId"
            maxLength={16}
            required
            value={draft.counterId}
            onChange={(event) => setDraft({ ...draft, counterId: event.target.value })}
          />
        </label>
        <label>
          {t('admin.language')}
          <select
            name="language"
            value={draft.language}
            onChange={(event) => setDraft({ ...draft, language: event.target.value as Settings['language'] })}
          >
            {uiLanguages.map((code) => (
              <option key={code} value={code}>
                {t(`language.names.${code}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SaveBar saveState={saveState} testId="office-saved" action="save-office" />
    </form>
  );
}

function EnrollmentForm({ centralUrl, onEnrolled }: { centralUrl: string | null; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useDisplaySettings();
  const { saveState, run } = useSaveState();
  const [url, setUrl] = useState(centralUrl ?? '');
  const [code, setCode] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = url.trim();
    const enrolled = await run(() =>
      api.call('sync.enroll', {
        enrollmentCode: code.trim(),
        ...(target !== '' && target !== centralUrl ? { centralUrl: target } : {}),
      }),
    );
    if (enrolled) {
      setCode('');
      onEnrolled();
    }
  };

  return (
    <form className="admin-form" data-testid="admin-enrollment" onSubmit={(event) => void submit(event)}>
      <h3>
        {settings.enrolled && !settings.trainingMode ? t('admin.enrollTitle') : t('admin.pc.enrollTitle')}
      </h3>
      <p className="hint">{t('admin.pc.enrollHint')}</p>
      <div className="admin-fields">
        <label className="admin-field-wide">
          {t('setup.centralUrl')}
          <input
            name="centralUrl"
            type="url"
            required
            placeholder="https://…"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <label>
          {t('setup.enrollmentCode')}
          <input
            name="enrollmentCode"
            autoComplete="off"
            spellCheck={false}
            required
            minLength={4}
            maxLength={64}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </label>
      </div>
      <SaveBar
        saveState={saveState}
        testId="enroll-saved"
        action="enroll"
        savedText={t('admin.enrolled')}
        label={saveState.state === 'saving' ? t('setup.enrolling') : t('setup.submit')}
      />
    </form>
  );
}

import type { TFunction } from 'i18next';
import type { ApiError } from '../../preload/contract/api-result.ts';
import { isErrorCode, readErrorDetails } from '../../preload/contract/error-codes.ts';
import { formatDateTime } from '../format/format-date.ts';

// An API error in the session's language: the code's translation, made precise by its details
// where the contract gives them a shape (who decided first and when, how many attempts are left,
// until when an account is locked…). The backend's `message` is never shown: it is Vietnamese,
// for logs; a code this renderer does not know (a newer backend) is named as such.

export function errorText(t: TFunction, error: Pick<ApiError, 'code' | 'message' | 'details'>): string {
  if (!isErrorCode(error.code)) {
    return t('apiError.unknown', { code: error.code.slice(0, 64) });
  }
  const detailed = detailedText(t, error);
  return detailed ?? t(`apiError.${error.code}`);
}

function detailedText(t: TFunction, error: Pick<ApiError, 'code' | 'details'>): string | null {
  const decided = readErrorDetails(error, 'already-decided');
  if (decided?.existing) {
    const existing = decided.existing;
    return t(
      existing.source === 'this-device'
        ? 'apiErrorDetail.alreadyDecidedHere'
        : 'apiErrorDetail.alreadyDecided',
      {
        code: decided.registrationCode,
        outcome: t(`outcomeVerb.${existing.outcome}`),
        officer: existing.officerId,
        counter: existing.counterId,
        time: formatDateTime(existing.decidedAt),
      },
    );
  }
  const lockedOut = readErrorDetails(error, 'account-locked-out');
  if (lockedOut) return t('apiErrorDetail.lockedOutUntil', { time: formatDateTime(lockedOut.until) });
  const credentials = readErrorDetails(error, 'invalid-credentials');
  if (credentials)
    return t('apiErrorDetail.attemptsLeft', {
      count: credentials.attemptsLeft,
      reason: t('apiError.invalid-credentials'),
    });
  const pin = readErrorDetails(error, 'wrong-pin');
  if (pin)
    return t('apiErrorDetail.attemptsLeft', { count: pin.attemptsLeft, reason: t('apiError.wrong-pin') });
  const notPending = readErrorDetails(error, 'registration-not-pending');
  if (notPending) {
    return t('apiErrorDetail.notPending', {
      code: notPending.registrationCode,
      status: t(`registrationStatus.${notPending.status}`, { defaultValue: notPending.status }),
    });
  }
  const otherOffice = readErrorDetails(error, 'enrollment-code-other-office');
  if (otherOffice) return t('apiErrorDetail.enrollmentOtherOffice', otherOffice);
  const invalid = readErrorDetails(error, 'invalid-argument');
  if (invalid && invalid.issues.length > 0) {
    return t('apiErrorDetail.invalidFields', {
      reason: t('apiError.invalid-argument'),
      fields: invalid.issues.map((issue) => issue.path).join(', '),
    });
  }
  return null;
}

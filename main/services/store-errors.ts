import type { StoreError } from '../store/store-error.ts';
import { AppError } from './app-error.ts';

/** A store refusal or failure as the API reports it: same code, same message, details kept whole. */
export function appErrorFromStore(error: StoreError): AppError {
  return new AppError(error.code, error.message, {
    cause: error.cause,
    ...(error.details === undefined ? {} : { details: { ...error.details } }),
  });
}

import { useTranslation } from 'react-i18next';
import { AUTH_FAILURES } from '../../shared/auth/claims';
import { useSignIn } from '../state/signIn';

/** Says why the last sign-in failed, per AuthFailure code. */
export function SignInError() {
  const { t } = useTranslation();
  const error = useSignIn((s) => s.error);
  if (!error) return null;
  return (
    <div className="alert" role="alert" data-testid="sign-in-error" data-failure={error.failure}>
      <p>{t(`authFailure.${error.failure}`)}</p>
      {error.detail && error.detail !== AUTH_FAILURES[error.failure] && <p className="alert-detail">{t('connect.detail', { detail: error.detail })}</p>}
    </div>
  );
}

// A screen that cannot be shown says so in words, inside the usual frame (sync indicator, unsent changes to a
// file), instead of leaving a blank page. A screen's file can be gone: a tab still running the previous version
// opens a screen it had not loaded, after the new version's service worker (which keeps only its own files) took
// over and once the browser's own cache dropped the old file. Reloading brings the version on the device; what was
// saved stays on it. Any other fault in a screen is named the same way.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

// Chromium, Firefox and Safari's words for a module that could not be fetched.
const MISSING_MODULE = /dynamically imported module|Importing a module script failed/i;

export const isMissingModule = (error: unknown): boolean =>
  error instanceof Error && MISSING_MODULE.test(error.message);

interface Props {
  children: ReactNode;
  /** Another value (the address) means another screen: the error is forgotten and the screen tried again. */
  resetKey?: string;
  /** Puts the message inside the screen's frame; should the frame fail too, the message shows on its own. */
  frame?: (message: ReactNode) => ReactNode;
}

export class ScreenErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.error !== undefined && previous.resetKey !== this.props.resetKey)
      this.setState({ error: undefined });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Screen failed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const message = <ScreenError error={error} />;
    return this.props.frame ? (
      <ScreenErrorBoundary>{this.props.frame(message)}</ScreenErrorBoundary>
    ) : (
      message
    );
  }
}

/** The boundary for the screen at the current address: going to another address tries again. */
export function ScreenGuard({ frame, children }: Omit<Props, 'resetKey'>) {
  const { pathname } = useLocation();
  return (
    <ScreenErrorBoundary resetKey={pathname} frame={frame}>
      {children}
    </ScreenErrorBoundary>
  );
}

function ScreenError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <section className="banner screen-error" role="alert">
      <h1>{t('screenError.title')}</h1>
      <p>
        {isMissingModule(error)
          ? t('screenError.missing')
          : t('screenError.failed', { message: error instanceof Error ? error.message : String(error) })}
      </p>
      <p>{t('screenError.dataSafe')}</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('screenError.reload')}
        </button>{' '}
        <Link to="/">{t('screenError.home')}</Link>
      </p>
    </section>
  );
}

// @vitest-environment jsdom
// The update offer read from the registration's worker states: each way a new version reaches a page is offered
// once it has installed, a first install never is, and accepting waits for the new version to take over. The
// browser's objects are stood in for by event targets with the same fields; the real worker is driven in
// tests/e2e/update.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { watchAppUpdates } from '../../../src/app/ui/app-updates.ts';

class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  update = vi.fn(async () => undefined);
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  /** The browser found a new worker: it installs, then waits while the old one keeps control. */
  deliver(worker: FakeWorker) {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    this.waiting = worker;
    worker.become('installed');
  }
}

/** A registration whose worker already runs the app. */
function installedApp() {
  const registration = new FakeRegistration();
  registration.active = new FakeWorker('activated');
  return registration;
}

function setUp(registration: FakeRegistration, registered: Promise<unknown> = Promise.resolve(registration)) {
  const onOffer = vi.fn();
  const reload = vi.fn();
  const container = { register: vi.fn(() => registered) } as unknown as ServiceWorkerContainer;
  const updates = watchAppUpdates({ onOffer, reload, container, scriptUrl: '/sw.js' });
  return { onOffer, reload, updates, registeredOnce: () => registered.catch(() => undefined) };
}

describe('the app update offer', () => {
  it('offers nothing on a first install, and offers a version found afterwards once it has installed', async () => {
    const registration = new FakeRegistration();
    const first = new FakeWorker('installing');
    registration.installing = first;
    const { onOffer, registeredOnce } = setUp(registration);
    await registeredOnce();
    first.become('installed');
    registration.installing = null;
    registration.active = first;
    first.become('activated');
    expect(onOffer).not.toHaveBeenCalled();

    const next = new FakeWorker('installing');
    registration.installing = next;
    registration.dispatchEvent(new Event('updatefound'));
    expect(onOffer).not.toHaveBeenCalled();
    next.become('installed');
    expect(onOffer).toHaveBeenCalledTimes(1);
  });

  it('offers a version already waiting when the page registers', async () => {
    const registration = installedApp();
    registration.waiting = new FakeWorker('installed');
    const { onOffer, registeredOnce } = setUp(registration);
    await registeredOnce();
    expect(onOffer).toHaveBeenCalledTimes(1);
  });

  it('offers a version that was still installing when the page registered', async () => {
    const registration = installedApp();
    const next = new FakeWorker('installing');
    registration.installing = next;
    const { onOffer, registeredOnce } = setUp(registration);
    await registeredOnce();
    expect(onOffer).not.toHaveBeenCalled();
    next.become('installed');
    expect(onOffer).toHaveBeenCalledTimes(1);
  });

  it('on acceptance asks the waiting version to take over and reloads only once it has', async () => {
    const registration = installedApp();
    const { reload, updates, registeredOnce } = setUp(registration);
    await registeredOnce();
    const next = new FakeWorker('installing');
    registration.deliver(next);

    updates.accept();
    expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    next.become('activating');
    expect(reload).not.toHaveBeenCalled();
    next.become('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once when the new version already took over (accepted in another tab)', async () => {
    const registration = installedApp();
    const { reload, updates, registeredOnce } = setUp(registration);
    await registeredOnce();
    updates.accept();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('looks for a new version when the connection returns, and when shown again after an hour, no more often', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const registration = installedApp();
      const { updates, registeredOnce } = setUp(registration);
      await registeredOnce();
      const shown = () => document.dispatchEvent(new Event('visibilitychange'));

      window.dispatchEvent(new Event('online'));
      expect(registration.update).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(59 * 60_000);
      shown();
      expect(registration.update).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(2 * 60_000);
      shown();
      shown();
      expect(registration.update).toHaveBeenCalledTimes(2);

      updates.stop();
      window.dispatchEvent(new Event('online'));
      expect(registration.update).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays quiet when stopped before the registration answers, or when there is no worker', async () => {
    const registration = installedApp();
    registration.waiting = new FakeWorker('installed');
    const stoppedEarly = setUp(registration);
    stoppedEarly.updates.stop();
    await stoppedEarly.registeredOnce();
    expect(stoppedEarly.onOffer).not.toHaveBeenCalled();

    const refused = setUp(registration, Promise.reject(new DOMException('no worker here', 'SecurityError')));
    await refused.registeredOnce();
    expect(refused.onOffer).not.toHaveBeenCalled();
  });
});

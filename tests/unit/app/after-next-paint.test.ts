// @vitest-environment jsdom
// Work held back from the frame about to show a tap (after-next-paint.ts): it runs in a task after the next animation
// frame, in the order asked; a tab that paints nothing runs it on a timer, and a page being left runs it at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/app/db/after-next-paint.ts';

const aTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Holds the page's animation frames until the test lets the next one come. */
function holdFrames() {
  const frames: FrameRequestCallback[] = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  return {
    frames,
    paint: () => {
      for (const frame of frames.splice(0)) frame(performance.now());
    },
  };
}

const showing = (state: DocumentVisibilityState) =>
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);

describe('work after the next paint', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs in a task after the next frame, in the order asked', async () => {
    showing('visible');
    const { frames, paint } = holdFrames();
    const ran: string[] = [];
    afterNextPaint(() => ran.push('changed'));
    afterNextPaint(() => ran.push('written'));
    await aTask();
    expect(ran).toEqual([]);
    // One frame for both.
    expect(frames).toHaveLength(1);
    paint();
    // Not inside the frame's callback, where the frame's own work is still to come.
    expect(ran).toEqual([]);
    await aTask();
    expect(ran).toEqual(['changed', 'written']);
    // Asked again: the next frame.
    afterNextPaint(() => ran.push('again'));
    expect(frames).toHaveLength(1);
    paint();
    await aTask();
    expect(ran).toEqual(['changed', 'written', 'again']);
    // The timer kept for a tab hidden meanwhile runs nothing a second time.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ran).toEqual(['changed', 'written', 'again']);
  });

  it('runs on a timer in a tab that paints nothing, and once only', async () => {
    showing('hidden');
    const { frames } = holdFrames();
    const ran = vi.fn();
    afterNextPaint(ran);
    expect(frames).toHaveLength(0);
    await aTask();
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it('runs on a timer when the tab is hidden before its frame comes', async () => {
    showing('visible');
    holdFrames();
    const ran = vi.fn();
    afterNextPaint(ran);
    await vi.waitFor(() => expect(ran).toHaveBeenCalledTimes(1), { timeout: 1000, interval: 20 });
  });

  it('runs at once when the page is left', () => {
    showing('visible');
    holdFrames();
    const ran = vi.fn();
    afterNextPaint(ran);
    window.dispatchEvent(new Event('pagehide'));
    expect(ran).toHaveBeenCalledTimes(1);
  });
});

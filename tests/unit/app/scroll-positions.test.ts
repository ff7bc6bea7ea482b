// The places remembered for Back, Forward and a reload: the latest per history entry, a bounded number of them, kept
// across a reload, and a damaged or refusing store costs only the places. (The scrolling itself, which needs a real
// layout, is tested in Chromium: tests/e2e/foundation.test.ts.)
import { describe, expect, it } from 'vitest';
import { ScrollPositions } from '../../../src/app/ui/scroll-on-navigate.ts';

function memoryStore(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('ScrollPositions', () => {
  it('keeps the latest place of each entry across a reload', () => {
    const store = memoryStore();
    const before = new ScrollPositions(store);
    before.set('home', 120);
    before.set('roll', 40);
    before.set('home', 900);
    before.save();

    const after = new ScrollPositions(store);
    expect(after.get('home')).toBe(900);
    expect(after.get('roll')).toBe(40);
    expect(after.get('never-seen')).toBeUndefined();
  });

  it('forgets the entries left longest ago beyond fifty', () => {
    const positions = new ScrollPositions(memoryStore());
    for (let i = 0; i < 60; i++) positions.set(`entry-${i}`, i);
    positions.set('entry-5', 5); // returned to: now among the latest
    expect(positions.get('entry-0')).toBeUndefined();
    expect(positions.get('entry-10')).toBeUndefined();
    expect(positions.get('entry-11')).toBe(11);
    expect(positions.get('entry-5')).toBe(5);
    expect(positions.get('entry-59')).toBe(59);
  });

  it('starts empty from damaged storage and keeps working when storage refuses to save', () => {
    for (const stored of ['{not json', '{"home":3}', '[["home","far"],[7,1]]']) {
      const positions = new ScrollPositions(memoryStore({ 'diem-danh.scroll': stored }));
      expect(positions.get('home')).toBeUndefined();
    }
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const positions = new ScrollPositions(refusing);
    positions.set('home', 300);
    expect(() => positions.save()).not.toThrow();
    expect(positions.get('home')).toBe(300);
    expect(new ScrollPositions(null).get('home')).toBeUndefined();
  });
});

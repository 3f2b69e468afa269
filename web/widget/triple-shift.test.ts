import { describe, expect, it } from 'vitest';
import { createTripleShiftDetector } from './triple-shift.js';

function detectorAt(times: number[]): (key: string, repeat?: boolean) => boolean {
  let index = 0;
  const detect = createTripleShiftDetector({ now: () => times[index++] ?? 0 });
  return (key, repeat = false) => detect({ key, repeat });
}

describe('createTripleShiftDetector', () => {
  it('fires on the third Shift within a second', () => {
    const press = detectorAt([0, 200, 400]);
    expect([press('Shift'), press('Shift'), press('Shift')]).toEqual([false, false, true]);
  });

  it('does not fire when the presses are spread out', () => {
    const press = detectorAt([0, 700, 1500]);
    expect([press('Shift'), press('Shift'), press('Shift')]).toEqual([false, false, false]);
  });

  it('resets when another key comes between (typing capitals)', () => {
    const press = detectorAt([0, 100, 200, 300]);
    expect(press('Shift')).toBe(false);
    expect(press('Shift')).toBe(false);
    expect(press('H')).toBe(false);
    expect(press('Shift')).toBe(false);
  });

  it('ignores auto-repeat while Shift is held', () => {
    const press = detectorAt([0, 50, 100]);
    expect([press('Shift'), press('Shift', true), press('Shift', true)]).toEqual([false, false, false]);
  });
});

describe('shift count', () => {
  it('reports each press, and 0 after another key or the third press', () => {
    const counts: number[] = [];
    let time = 0;
    const detect = createTripleShiftDetector({ now: () => time, onCount: (count) => counts.push(count) });
    detect({ key: 'Shift', repeat: false });
    time += 100;
    detect({ key: 'Shift', repeat: false });
    detect({ key: 'a', repeat: false });
    detect({ key: 'Shift', repeat: false });
    detect({ key: 'Shift', repeat: false });
    detect({ key: 'Shift', repeat: false });
    expect(counts).toEqual([1, 2, 0, 1, 2, 0]);
  });
});

/** The part of a KeyboardEvent the detector needs (so it can be tested without a DOM). */
export interface KeyPress {
  key: string;
  repeat: boolean;
}

/**
 * Creates a detector for Shift pressed three times within `windowMs`, as GOV.UK's
 * "Exit this page". Any other key resets the count, so typing capitals never exits.
 */
export function createTripleShiftDetector(options: { windowMs?: number; now?: () => number } = {}): (press: KeyPress) => boolean {
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let presses: number[] = [];
  return (press: KeyPress): boolean => {
    if (press.key !== 'Shift') {
      presses = [];
      return false;
    }
    if (press.repeat) return false; // holding Shift down is one press
    const time = now();
    presses = presses.filter((at) => time - at <= windowMs);
    presses.push(time);
    if (presses.length >= 3) {
      presses = [];
      return true;
    }
    return false;
  };
}

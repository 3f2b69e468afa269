/** The part of a KeyboardEvent the detector needs (so it can be tested without a DOM). */
export interface KeyPress {
  key: string;
  repeat: boolean;
}

/**
 * Creates a detector for Shift pressed three times within `windowMs`, as GOV.UK's
 * "Exit this page". Any other key resets the count, so typing capitals never exits.
 */
export function createTripleShiftDetector(
  options: { windowMs?: number; now?: () => number; /** Told how many presses count so far (0 after a reset), to show it. */ onCount?: (count: number) => void } = {},
): (press: KeyPress) => boolean {
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let presses: number[] = [];
  return (press: KeyPress): boolean => {
    if (press.key !== 'Shift') {
      if (presses.length > 0) options.onCount?.(0);
      presses = [];
      return false;
    }
    if (press.repeat) return false; // holding Shift down is one press
    const time = now();
    presses = presses.filter((at) => time - at <= windowMs);
    presses.push(time);
    if (presses.length >= 3) {
      presses = [];
      options.onCount?.(0);
      return true;
    }
    options.onCount?.(presses.length);
    return false;
  };
}

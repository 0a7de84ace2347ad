/**
 * The abuse limits of the public certificate check (issue 18 item 6), in one place: every check is
 * counted against the client's address and against the number asked about (the sign-in throttle's
 * rule: past the limit each further check waits 30 s, then 1 min, 2 min… at most the window). An
 * employer checking a few certificates never meets them; walking through numbers, or through names for
 * one number, does.
 */
export const CHECK_LIMITS = {
  perAddress: 60,
  perNumber: 10,
  windowMinutes: 60,
  /** The longest number and name a check takes (400 beyond). */
  numberMax: 100,
  nameMax: 100,
} as const;

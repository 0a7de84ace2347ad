/**
 * The abuse limits of the public join page (issue 13 item 8), in one place. A request is counted
 * against its requester address and its e-mail address (the sign-in throttle's rule: past the
 * limit each further request waits 30 s, then 1 min, 2 min… at most the window), and against the
 * e-mail's domain: at most `perDomainPerDay` open (unconfirmed or pending) requests filed in the
 * last 24 hours.
 */
export const JOIN_LIMITS = {
  perEmail: 3,
  perAddress: 10,
  windowMinutes: 60,
  perDomainPerDay: 5,
  /** How long the confirmation link stays valid. */
  confirmHours: 48,
} as const;

/** The longest each field of the join form may be (the school directory's limits where it has them). */
export const JOIN_FIELD_LIMITS = { schoolName: 100, province: 20, contactName: 100, email: 200, phone: 30, website: 200 } as const;

import { tiers, schoolStatuses, roles } from '../providers/permissions';

export { tiers, schoolStatuses, roles };
export type Tier = (typeof tiers)[number];
export type SchoolStatus = (typeof schoolStatuses)[number];

/** One colour per tier, deepest partnership warmest; used by chips and the dashboard chart. */
export const tierColors: Record<Tier | 'none', string> = {
  industry_college: '#b33f00',
  talent_base: '#1565c0',
  pilot_1x: '#2e7d32',
  partner_school: '#6a1b9a',
  none: '#757575',
};

type Tone = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/** How a state reads at a glance: done well, in progress, needs attention, over. */
export const stateTones: Record<string, Tone> = {
  draft: 'default',
  pending_regional: 'info',
  pending_hq: 'info',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  pending_signing: 'info',
  pending_plaque: 'info',
  pending_inspection: 'info',
  active: 'success',
  rectifying: 'warning',
  terminated: 'error',
  expired: 'default',
  superseded: 'default',
  renewed: 'success',
  open: 'info',
  decided: 'success',
  prospect: 'default',
  applying: 'info',
  partner: 'success',
  submitted: 'info',
  confirmed: 'success',
  pending: 'info',
  replied: 'success',
  closed: 'default',
  unconfirmed: 'default',
  accepted: 'success',
  declined: 'error',
};

export const roleTones: Record<string, Tone> = {
  hq: 'primary',
  regional: 'info',
  school: 'success',
  provider: 'secondary',
};

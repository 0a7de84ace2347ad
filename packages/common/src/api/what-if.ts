import type { KpiName } from '../kpi/kpi-names.js';
import type { Tier } from '../vocabulary.js';

/** POST /api/tier-policies/:id/what-if (issue 17 item 5): the current years of one policy judged now and with an unsaved edit. */
export interface WhatIfPassFail { pass: number; fail: number }

/** A group's schools passing and failing now (`before`) and with the edit (`after`), and how many flip each way. */
export interface WhatIfTally {
  before: WhatIfPassFail;
  after: WhatIfPassFail;
  passToFail: number;
  failToPass: number;
}

export type WhatIfFlip = 'pass_to_fail' | 'fail_to_pass';

/** One school's current agreement year under the policy: its verdict now and with the edit. */
export interface WhatIfSchool {
  schoolId: number;
  schoolName: string;
  regionId: number;
  tier: Tier;
  agreementId: number;
  year: number;
  /** The compliance record's id, `<agreementId>-<year>`. */
  complianceId: string;
  before: boolean;
  after: boolean;
  flip: WhatIfFlip | null;
  failingBefore: KpiName[];
  failingAfter: KpiName[];
}

export interface WhatIfRegionTally extends WhatIfTally { regionId: number; nameZh: string; nameEn: string }
export interface WhatIfTierTally extends WhatIfTally { tier: Tier }

export interface WhatIfAnswer {
  policyId: number;
  tier: Tier;
  effectiveYear: number;
  /** KPIs whose values were recomputed, because the edit changes what counts (course hours, "active" on the job platform). */
  recomputedKpis: KpiName[];
  byRegion: WhatIfRegionTally[];
  byTier: WhatIfTierTally[];
  total: WhatIfTally;
  /** Every school judged: the flips first (pass → fail, then fail → pass), then by region and name. */
  schools: WhatIfSchool[];
}

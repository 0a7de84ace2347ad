import { certificateKindValues as kinds, certLevelValues as levels, leftReasonValues as reasons, practiceConfirmedValues as confirmed } from '@campus/common';
import type { ImportValue } from '../../import/index.js';

/**
 * The words of the facts' coded values, read from the one source the web's catalogues read too
 * (@campus/common fact-vocabulary.ts), so what its exports write is what an import reads back as the
 * code; the templates list them.
 */
export const leftReasonValues: readonly ImportValue[] = reasons;
export const certificateKindValues: readonly ImportValue[] = kinds;
/** A practice record's confirmation as the web's export words it. */
export const practiceConfirmedValues: readonly ImportValue[] = confirmed;
/** An instructor certification's level as the web names it (app.cert_level). */
export const certLevelValues: readonly ImportValue[] = levels;

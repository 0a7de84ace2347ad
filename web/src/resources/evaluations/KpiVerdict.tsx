import Chip, { type ChipProps } from '@mui/material/Chip';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslate } from 'react-admin';
import type { KpiCell } from '@campus/common';

/** A KPI's verdict: met, not met, no threshold for the tier, or no value yet (never failing). */
export function verdictOf(cell: KpiCell | undefined): 'met' | 'not_met' | 'no_threshold' | 'no_value' {
  if (!cell) return 'no_value';
  if (cell.met === true) return 'met';
  if (cell.met === false) return 'not_met';
  return cell.threshold === null || cell.threshold === undefined ? 'no_threshold' : 'no_value';
}

/** The compliance screens' words for the same verdicts. */
const statusKey = { met: 'met', not_met: 'failing', no_threshold: 'none', no_value: 'not_measured' } as const;

export function KpiVerdict({ cell, size = 'small' }: { cell: KpiCell | undefined; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  const verdict = verdictOf(cell);
  const label = translate(`app.kpi_status.${statusKey[verdict]}`);
  if (verdict === 'met') return <Chip size={size} color="success" icon={<CheckIcon />} label={label} />;
  if (verdict === 'not_met') return <Chip size={size} color="error" icon={<CloseIcon />} label={label} />;
  return <Chip size={size} variant="outlined" label={label} sx={{ color: 'text.secondary' }} />;
}

/** The snapshot's overall verdict: compliant, not compliant. */
export function CompliantChip({ compliant, size = 'small' }: { compliant: boolean | null | undefined; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  if (compliant === null || compliant === undefined) return <Chip size={size} variant="outlined" label="—" />;
  return compliant
    ? <Chip size={size} color="success" variant="outlined" icon={<CheckIcon />} label={translate('app.evaluation.compliant')} />
    : <Chip size={size} color="error" variant="outlined" icon={<CloseIcon />} label={translate('app.evaluation.not_compliant')} />;
}

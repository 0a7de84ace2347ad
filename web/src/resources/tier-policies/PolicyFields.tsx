import Typography, { type TypographyProps } from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/CheckCircle';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import Tooltip from '@mui/material/Tooltip';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatThreshold, thresholdSpecs, type ThresholdField } from '../../components/policy/thresholds';

/** One threshold as read: the number with its unit, or a muted "no threshold". */
export function ThresholdValue({ source, variant = 'body2' }: { source: ThresholdField; label?: string; variant?: TypographyProps['variant'] }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const value = record[source] as number | null;
  return (
    <Typography variant={variant} component="span" color={value == null ? 'text.disabled' : 'text.primary'} sx={{ whiteSpace: 'nowrap' }}>
      {formatThreshold(thresholdSpecs[source], value, translate, locale)}
    </Typography>
  );
}

/** "200 或 280": the certificate rule reads as either count. */
export function CertificatesValue(_: { source?: string; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.certificates1x == null && record.certificatesOperator == null) {
    return <Typography variant="body2" component="span" color="text.disabled">{translate('app.threshold.none')}</Typography>;
  }
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {record.certificates1x ?? '—'} <Typography component="span" variant="caption" color="text.secondary">1+X</Typography>
      {` ${translate('app.threshold.or')} `}
      {record.certificatesOperator ?? '—'} <Typography component="span" variant="caption" color="text.secondary">{translate('app.policy.operator_short')}</Typography>
    </Typography>
  );
}

/** The three signing steps as ticks: signing, plaque, inspection. */
export function SigningSteps(_: { source?: string; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      {(['requiresSigning', 'requiresPlaque', 'requiresInspection'] as const).map((flag) => (
        <Tooltip key={flag} title={translate(`resources.tier-policies.fields.${flag}`)}>
          {record[flag] ? <CheckIcon fontSize="small" color="success" aria-label={translate(`resources.tier-policies.fields.${flag}`)} /> : <RemoveIcon fontSize="small" color="disabled" />}
        </Tooltip>
      ))}
    </span>
  );
}

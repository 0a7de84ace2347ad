import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { Link } from 'react-router-dom';
import { useLocaleState, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { canAccess, type Role } from '../../providers/permissions';
import { kpiDrillDowns, type DrillDownOptions } from './drilldown';
import { formatKpiNumber, formatKpiThreshold, kpiUnit, type KpiName } from '../../components/kpi/kpi';
import { formatKpiGap, kpiGap } from '../../components/kpi/gap';
import { formatProjected, kpiStatus, outlookColors, projectionOutlook, statusColors, type KpiStatus } from './kpi';
import { type ComplianceRecord, type KpiCell } from '@campus/common';

export const statusBorder: Record<KpiStatus, string> = {
  met: 'success.main',
  failing: 'error.main',
  none: 'grey.400',
  not_measured: 'info.main',
};

export function KpiStatusChip({ status, size = 'small' }: { status: KpiStatus; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  const chip = (
    <Chip
      size={size}
      color={statusColors[status]}
      variant={status === 'met' || status === 'failing' ? 'filled' : 'outlined'}
      label={translate(`app.kpi_status.${status}`)}
      data-status={status}
    />
  );
  if (status === 'none' || status === 'not_measured') {
    return <Tooltip title={translate(`app.kpi_status_help.${status}`)}>{chip}</Tooltip>;
  }
  return chip;
}

export function CompliantChip({ compliant, size = 'small' }: { compliant: boolean; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  return <Chip size={size} color={compliant ? 'success' : 'error'} label={translate(compliant ? 'app.compliance.compliant' : 'app.compliance.not_compliant')} />;
}

/** The year-end projection of a current row in words, with how it was made in a tooltip. */
export function OutlookChip({ row, size = 'small' }: { row: Pick<ComplianceRecord, 'projection' | 'compliant'>; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  const outlook = projectionOutlook(row);
  if (outlook === 'none') return <Typography variant="body2" color="text.disabled" component="span">—</Typography>;
  const help = row.projection?.status === 'not_enough_data'
    ? translate('app.outlook_help.not_enough_data', { days: row.projection.daysElapsed, smart_count: row.projection.daysElapsed })
    : translate('app.outlook_help.projected', { days: row.projection?.daysElapsed, smart_count: row.projection?.daysElapsed ?? 0 });
  return (
    <Tooltip title={help}>
      <Chip size={size} variant={outlook === 'not_enough_data' ? 'outlined' : 'filled'} color={outlookColors[outlook]} label={translate(`app.outlook.${outlook}`)} />
    </Tooltip>
  );
}

/** The failing KPIs of a row as chips (or "all met"). */
export function FailingKpiChips({ kpis, max = 8 }: { kpis: KpiName[]; max?: number }) {
  const translate = useTranslate();
  if (!kpis.length) return <Chip size="small" color="success" variant="outlined" label={translate('app.compliance.all_met')} />;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {kpis.slice(0, max).map((kpi) => (
        <Chip key={kpi} size="small" color="error" variant="outlined" label={translate(`app.kpi.${kpi}`)} />
      ))}
    </Box>
  );
}

/** A KPI's value in a table cell, coloured by its verdict; the threshold in a tooltip. */
export function KpiValue({ kpi, cell }: { kpi: KpiName; cell: KpiCell | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const status = kpiStatus(cell);
  const color = status === 'met' ? 'success.dark' : status === 'failing' ? 'error.main' : 'text.secondary';
  return (
    <Tooltip title={`${translate(`app.kpi.${kpi}`)} · ${translate('app.compliance.threshold')} ${formatKpiThreshold(kpi, cell?.threshold ?? null, translate, locale)} · ${translate(`app.kpi_status.${status}`)}`}>
      <Typography
        component="span"
        variant="body2"
        data-status={status}
        sx={{ color, fontWeight: status === 'failing' ? 700 : 500, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {formatKpiNumber(kpi, cell?.value, locale)}
      </Typography>
    </Tooltip>
  );
}

/** A KPI column of the compliance list (record from the list's context). */
export function KpiValueField({ kpi }: { kpi: KpiName; source?: string; label?: string }) {
  const record = useRecordContext<ComplianceRecord>();
  if (!record) return null;
  return <KpiValue kpi={kpi} cell={record.kpis?.[kpi]} />;
}

/** Links from a KPI to the records it counts, for the lists the user may open. */
export function DrillDownLinks({ kpi, row, options, size = 'small' }: { kpi: KpiName; row: ComplianceRecord; options?: DrillDownOptions; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const links = kpiDrillDowns(kpi, row, options).filter((l) => canAccess(role, l.resource, 'list'));
  if (!links.length) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {links.map((l) => (
        <Button key={l.to} component={Link} to={l.to} size={size} startIcon={<ListAltIcon fontSize="small" />} sx={{ px: 1, minWidth: 0 }} data-kpi={kpi}>
          {translate(`app.drilldown.${l.label}`)}
        </Button>
      ))}
    </Stack>
  );
}

/** How far a value is towards its threshold (0–100), for the card's bar. */
export function progressOf(cell: KpiCell | undefined): number | null {
  if (!cell || cell.threshold === null || cell.value === null) return null;
  if (cell.threshold <= 0) return 100;
  return Math.max(0, Math.min(100, (cell.value / cell.threshold) * 100));
}

/**
 * One KPI as a card: its value against the threshold with the verdict (met / failing / no
 * threshold / not measured), the year-end projection when there is one, links to the records it
 * counts, and room for a small trend chart.
 */
export function KpiCard({ kpi, cell, row, drill, children }: { kpi: KpiName; cell: KpiCell | undefined; row: ComplianceRecord; drill?: DrillDownOptions; children?: ReactNode }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const status = kpiStatus(cell);
  const unit = kpiUnit(kpi, translate, cell?.value ?? 2);
  const progress = progressOf(cell);
  const hasProjection = cell?.projected !== undefined && cell?.projected !== null && row.projection?.status === 'projected';
  const gap = kpiGap(kpi, cell, row);
  return (
    <Card
      variant="outlined"
      data-testid={`kpi-card-${kpi}`}
      data-status={status}
      sx={{ height: '100%', borderLeft: 4, borderLeftColor: statusBorder[status], display: 'flex', flexDirection: 'column' }}
    >
      <CardContent sx={{ pb: 1, flexGrow: 1 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
          <Tooltip title={translate(`app.kpi_help.${kpi}`)}>
            <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 500 }}>{translate(`app.kpi.${kpi}`)}</Typography>
          </Tooltip>
          <KpiStatusChip status={status} />
        </Stack>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'baseline', mt: 0.5 }}>
          <Typography variant="h4" component="p" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: status === 'failing' ? 'error.main' : 'text.primary' }} data-testid="kpi-value">
            {formatKpiNumber(kpi, cell?.value, locale)}
          </Typography>
          {unit && cell?.value !== null ? <Typography variant="body2" color="text.secondary">{unit}</Typography> : null}
        </Stack>
        <Typography variant="body2" color="text.secondary" data-testid="kpi-threshold">
          {translate('app.compliance.threshold')}: {formatKpiThreshold(kpi, cell?.threshold ?? null, translate, locale)}
        </Typography>
        {gap ? <Typography variant="body2" sx={{ color: 'error.main', fontWeight: 500 }} data-testid="kpi-gap">{formatKpiGap(gap, translate, locale)}</Typography> : null}
        {progress !== null ? (
          // Decorative: the value and the threshold are written out above it.
          <Box aria-hidden sx={{ mt: 1, height: 6, borderRadius: 3, bgcolor: 'grey.200', overflow: 'hidden' }}>
            <Box sx={{ width: `${progress}%`, height: '100%', bgcolor: status === 'failing' ? 'error.main' : 'success.main' }} />
          </Box>
        ) : null}
        {hasProjection ? (
          <Typography variant="caption" component="p" sx={{ mt: 0.75, color: cell?.projectedMet === false ? 'error.main' : 'text.secondary' }} data-testid="kpi-projected">
            {translate('app.compliance.projected')}: {formatProjected(kpi, cell?.projected, locale)}
            {cell?.projectedMet === false ? ` · ${translate('app.kpi_status.failing')}` : ''}
          </Typography>
        ) : null}
        {(kpi === 'certificates1x' || kpi === 'certificatesOperator') && cell?.threshold !== null && cell?.threshold !== undefined ? (
          <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 0.25 }}>{translate('app.compliance.either_rule')}</Typography>
        ) : null}
        {children}
      </CardContent>
      <Box sx={{ px: 1, pb: 1 }}>
        <DrillDownLinks kpi={kpi} row={row} options={drill} />
      </Box>
    </Card>
  );
}

import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/Check';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ComplianceRecord } from '@campus/common';
import { DrillDownLinks, KpiStatusChip, statusBorder } from '../../resources/compliance/KpiParts';
import { formatProjected, type KpiStatus } from '../../resources/compliance/kpi';
import type { DrillDownOptions } from '../../resources/compliance/drilldown';
import { formatKpiNumber, formatKpiThreshold, kpiUnit, type KpiName } from './kpi';
import { certificateVerdict, formatCertificateVerdict } from './gap';

const pair: readonly KpiName[] = ['certificates1x', 'certificatesOperator'];
/** Each certificate KPI's count of verified certificates only (issue 18), shown under it. */
const verifiedOf = { certificates1x: 'certificates1xVerified', certificatesOperator: 'certificatesOperatorVerified' } as const;

/**
 * The two certificate KPIs as one card with one verdict (DOMAIN.md: 1+X at its threshold or Operator
 * at its own): each count against its threshold, the verdict saying which count meets it, or, when
 * neither does, how many students each would still need. A count below its own threshold is never
 * shown green on its own (the Operator's 65 of 280 when the 1+X count meets the rule).
 */
export function CertificatesCard({ row, drill, children }: { row: ComplianceRecord; drill?: DrillDownOptions; children?: ReactNode }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const verdict = certificateVerdict(row);
  const status: KpiStatus = verdict.status === 'none' ? 'none' : verdict.status;
  const projected = row.projection?.status === 'projected';
  return (
    <Card
      variant="outlined"
      data-testid="kpi-card-certificates"
      data-status={status}
      sx={{ height: '100%', borderLeft: 4, borderLeftColor: statusBorder[status], display: 'flex', flexDirection: 'column' }}
    >
      <CardContent sx={{ pb: 1, flexGrow: 1 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 500 }}>{translate('app.certificate_verdict.title')}</Typography>
          <KpiStatusChip status={status} />
        </Stack>
        <Stack spacing={0.75} sx={{ mt: 0.75 }}>
          {pair.map((kpi) => {
            const cell = row.kpis[kpi];
            const reached = cell?.threshold != null && cell.value != null && cell.value + 1e-9 >= cell.threshold;
            return (
              <Box key={kpi} data-kpi={kpi}>
                <Stack direction="row" spacing={0.75} sx={{ alignItems: 'baseline' }}>
                  <Typography variant="body2" sx={{ minWidth: 64 }}>{translate(`app.kpi.${kpi}`)}</Typography>
                  <Typography variant="h6" component="p" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: reached ? 'success.dark' : 'text.primary' }} data-testid="kpi-value">
                    {formatKpiNumber(kpi, cell?.value, locale)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {kpiUnit(kpi, translate, cell?.value ?? 2)} · {formatKpiThreshold(kpi, cell?.threshold ?? null, translate, locale)}
                  </Typography>
                  {reached ? <CheckIcon fontSize="small" color="success" aria-label={translate('app.kpi_status.met')} /> : null}
                </Stack>
                {typeof row[verifiedOf[kpi as keyof typeof verifiedOf]] === 'number' ? (
                  <Typography variant="caption" color="text.secondary" component="p" data-testid="kpi-verified">
                    {translate('app.certification.verified_of', { count: formatKpiNumber(kpi, row[verifiedOf[kpi as keyof typeof verifiedOf]], locale) })}
                  </Typography>
                ) : null}
                {projected && cell?.projected != null ? (
                  <Typography variant="caption" color="text.secondary" component="p">
                    {translate('app.compliance.projected')}: {formatProjected(kpi, cell.projected, locale)}
                  </Typography>
                ) : null}
              </Box>
            );
          })}
        </Stack>
        <Typography variant="body2" sx={{ mt: 1, fontWeight: 500, color: status === 'failing' ? 'error.main' : status === 'met' ? 'success.dark' : 'text.secondary' }} data-testid="certificate-verdict">
          {formatCertificateVerdict(verdict, translate, locale)}
        </Typography>
        {verdict.status !== 'none' ? (
          <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 0.25 }}>{translate('app.certificate_verdict.rule')}</Typography>
        ) : null}
        {children}
      </CardContent>
      <Box sx={{ px: 1, pb: 1 }}>
        <Stack spacing={0.5}>
          {pair.map((kpi) => <DrillDownLinks key={kpi} kpi={kpi} row={row} options={drill} />)}
        </Stack>
      </Box>
    </Card>
  );
}

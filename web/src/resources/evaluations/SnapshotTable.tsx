import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { certificateKpis, formatKpiThreshold, formatKpiValue, kpiLabelKey, kpiNames } from '../../components/kpi/kpi';
import { type ComplianceRecord } from '@campus/common';
import { KpiVerdict, verdictOf } from './KpiVerdict';

/**
 * The frozen snapshot KPI by KPI (value, threshold, verdict), with the same agreement's previous
 * year beside it when there is one, so that HQ sees the trend behind a decision.
 */
export function SnapshotTable({ snapshot, previous, previousYear }: { snapshot: ComplianceRecord | null; previous?: ComplianceRecord | null; previousYear?: number }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!snapshot) return <Typography color="text.secondary">{translate('app.evaluation.no_snapshot')}</Typography>;
  const withPrevious = !!previous;
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('app.evaluation.snapshot')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.evaluation.kpi')}</TableCell>
            <TableCell align="right">{translate('app.evaluation.value_year', { year: snapshot.year })}</TableCell>
            <TableCell align="right">{translate('app.evaluation.threshold')}</TableCell>
            <TableCell>{translate('app.evaluation.result')}</TableCell>
            {withPrevious ? (
              <>
                <TableCell align="right" sx={{ borderLeft: 1, borderColor: 'divider' }}>{translate('app.evaluation.value_year', { year: previousYear ?? previous!.year })}</TableCell>
                <TableCell>{translate('app.evaluation.result')}</TableCell>
              </>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {kpiNames.map((kpi) => {
            const cell = snapshot.kpis?.[kpi];
            const before = previous?.kpis?.[kpi];
            const failing = verdictOf(cell) === 'not_met';
            return (
              <TableRow key={kpi} data-kpi={kpi} sx={failing ? { bgcolor: 'rgba(211, 47, 47, 0.04)' } : undefined}>
                <TableCell component="th" scope="row">
                  <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>{translate(kpiLabelKey(kpi))}</Typography>
                  {certificateKpis.includes(kpi) ? <Typography component="span" variant="body2" color="text.secondary"> *</Typography> : null}
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: failing ? 600 : undefined, color: failing ? 'error.main' : undefined }}>
                  {formatKpiValue(kpi, cell?.value, translate, locale)}
                </TableCell>
                <TableCell align="right" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                  {formatKpiThreshold(kpi, cell?.threshold, translate, locale)}
                </TableCell>
                <TableCell><KpiVerdict cell={cell} /></TableCell>
                {withPrevious ? (
                  <>
                    <TableCell align="right" sx={{ borderLeft: 1, borderColor: 'divider', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: 'text.secondary' }}>
                      {formatKpiValue(kpi, before?.value, translate, locale)}
                    </TableCell>
                    <TableCell><KpiVerdict cell={before} /></TableCell>
                  </>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Box sx={{ mt: 1 }}>
        <Typography variant="caption" color="text.secondary">
          {`* ${translate('app.evaluation.certificates_rule')}`}
        </Typography>
      </Box>
    </TableContainer>
  );
}

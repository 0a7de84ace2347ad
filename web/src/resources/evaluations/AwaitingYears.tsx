import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { useQuery } from '@tanstack/react-query';
import { DataTable, ListContextProvider, useList, useLocaleState, useTranslate, type DataProvider, type RaRecord } from 'react-admin';
import { BulkActionButton } from '../../components/bulk/BulkActionButton';
import { TierChip } from '../../components/chips';
import { formatPeriod } from '../../components/dates';
import { httpClient } from '../../providers/httpClient';
import { API_URL } from '../../providers/dataProvider';
import type { SkippedYear } from './types';

/** An ended agreement year without its evaluation (GET /api/evaluations/awaiting); its id is `<agreementId>-<year>`. */
export interface AwaitingYear extends RaRecord {
  id: string; agreementId: number; year: number; schoolId: number; schoolName: string; regionId: number;
  tier: string; kind: 'annual' | 'final'; from: string; to: string;
}

/** The list context's resource of the rows (their selection is kept apart from the evaluations list's). */
export const AWAITING = 'evaluations-awaiting';

/** POST /api/evaluations/bulk/open: the selected years, in one transaction; answers the count opened and each year not opened. */
export async function openSelectedYears(dp: DataProvider, years: { agreementId: number; year: number }[]) {
  const { data } = await dp.create('evaluations/bulk/open', { data: { items: years } });
  return data as unknown as { opened: number; skipped: SkippedYear[] };
}

/**
 * The ended agreement years awaiting their evaluation (of the chosen tiers and regions), as rows HQ
 * selects and opens in one action (issue 17 item 2): a confirmation naming the count, one request
 * (one transaction on the server, each opened evaluation audited), then how many were opened and
 * each selected year that was not, with the reason (`onSkipped`).
 */
export function AwaitingYears({ tiers, regionIds, onSkipped }: { tiers: string[]; regionIds: number[]; onSkipped: (years: SkippedYear[]) => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const query = new URLSearchParams();
  for (const t of tiers) query.append('tier', t);
  for (const r of regionIds) query.append('regionId', String(r));
  const { data, isPending } = useQuery({
    queryKey: ['evaluations', 'awaiting', tiers, regionIds],
    queryFn: async () => (await httpClient(`${API_URL}/evaluations/awaiting?${query}`)).json as { total: number; rows: AwaitingYear[] },
  });
  const rows = data?.rows ?? [];
  // Every listed row on one page: a selection is then the rows it names, whichever are scrolled into view.
  const list = useList<AwaitingYear>({ data: rows, isPending, resource: AWAITING, perPage: Math.max(rows.length, 1) });

  return (
    <Box data-testid="awaiting-years">
      <Typography variant="body2" sx={{ mb: 0.5 }}>{translate('app.evaluation.bulk.pick_title', { smart_count: data?.total ?? 0 })}</Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>{translate('app.evaluation.bulk.pick_help')}</Typography>
      {data && data.total > rows.length ? <Alert severity="info" sx={{ mb: 1 }}>{translate('app.evaluation.bulk.more_than_shown', { shown: rows.length, total: data.total })}</Alert> : null}
      <ListContextProvider value={list}>
        <Box sx={{ maxHeight: 320, overflowY: 'auto' }}>
          <DataTable<AwaitingYear>
            resource={AWAITING}
            rowClick={false}
            size="small"
            empty={<Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>{translate('app.evaluation.bulk.pick_none')}</Typography>}
            bulkActionButtons={
              <BulkActionButton
                resource={AWAITING}
                label="app.evaluation.bulk.open_selected"
                icon={<PlaylistAddCheckIcon />}
                title="app.evaluation.bulk.open_selected_title"
                run={async (dp, _ids, records) => {
                  const result = await openSelectedYears(dp, (records as AwaitingYear[]).map((r) => ({ agreementId: r.agreementId, year: r.year })));
                  onSkipped(result.skipped);
                  return result.opened;
                }}
                done="app.evaluation.bulk.opened_selected"
              />
            }
          >
            <DataTable.Col source="schoolName" label="resources.evaluations.fields.schoolName" disableSort />
            <DataTable.Col source="tier" label="resources.evaluations.fields.tier" disableSort render={(r) => <TierChip tier={r.tier} />} />
            <DataTable.Col source="year" label="resources.evaluations.fields.year" disableSort render={(r) => (
              <span style={{ whiteSpace: 'nowrap' }}>{translate(`app.evaluation.name_${r.kind}`, { year: r.year })}</span>
            )} />
            <DataTable.Col source="to" label="app.evaluation.bulk.period" disableSort render={(r) => {
              const { from, to } = formatPeriod(r.from, r.to, locale);
              return <span style={{ whiteSpace: 'nowrap' }}>{`${from} – ${to}`}</span>;
            }} />
          </DataTable>
        </Box>
      </ListContextProvider>
    </Box>
  );
}

import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { useDataProvider, useGetList, useListContext, useRefresh, useTranslate } from 'react-admin';
import { useRegionName } from '../../components/fields';
import { tiers } from '../../components/vocabulary';
import { parseProblem, type Problem } from '../../components/problem/parse-problem';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import type { BulkJob, SkippedYear } from './types';
import { AwaitingYears } from './AwaitingYears';

/** How often the job is asked how far it got. */
export const POLL_MS = 1000;

/**
 * Opens the evaluations of every agreement year that has ended and has none yet (optionally of some
 * tiers or regions): POST /api/evaluations/bulk-open starts a job on the server, whose progress is
 * read every second from GET /api/evaluations/bulk-jobs/:id until it is done or has failed.
 */
export function BulkOpenButton() {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const list = useListContext();
  const regionName = useRegionName();
  const [open, setOpen] = useState(false);
  const [chosenTiers, setChosenTiers] = useState<string[]>([]);
  const [chosenRegions, setChosenRegions] = useState<number[]>([]);
  const [job, setJob] = useState<BulkJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // What the last opening of selected rows did not open (the rows' bulk action, in one transaction).
  const [pickedSkipped, setPickedSkipped] = useState<SkippedYear[]>([]);
  const { data: regions } = useGetList('regions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'sortOrder', order: 'ASC' } }, { enabled: open });

  const running = job?.status === 'running';

  useEffect(() => {
    if (!job || job.status !== 'running') return undefined;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const { data } = await dataProvider.getOne<BulkJob>('evaluations/bulk-jobs', { id: job.id });
        if (cancelled) return;
        setJob(data);
        if (data.status !== 'running') refresh();
      } catch (error) {
        if (!cancelled) {
          setProblem(parseProblem(error));
          setJob((j) => (j ? { ...j, status: 'failed' } : j));
        }
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [job, dataProvider, refresh]);

  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      const body: Record<string, unknown> = {};
      if (chosenTiers.length) body.tier = chosenTiers;
      if (chosenRegions.length) body.regionId = chosenRegions;
      const { data } = await dataProvider.create<BulkJob>('evaluations/bulk-open', { data: body });
      setJob(data as BulkJob);
      if ((data as BulkJob).status !== 'running') refresh();
    } catch (error) {
      setProblem(parseProblem(error));
    } finally {
      setStarting(false);
    }
  };

  const close = () => {
    setOpen(false);
    setPickedSkipped([]);
    if (!running) {
      setJob(null);
      setProblem(null);
    }
  };

  const showOpen = () => {
    list?.setFilters?.({ ...(list.filterValues ?? {}), status: 'open' }, list.displayedFilters ?? {});
    close();
  };

  const toggle = <T,>(values: T[], value: T) => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : job?.status === 'running' ? 0 : 100;
  const opened = job?.result?.opened ?? 0;

  return (
    <>
      <Button
        size="small"
        startIcon={running ? <CircularProgress size={16} /> : <PlaylistAddCheckIcon />}
        onClick={() => setOpen(true)}
      >
        {running ? translate('app.evaluation.bulk.running_short', { done: job!.done, total: job!.total }) : translate('app.evaluation.bulk.button')}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="bulk-open-title" fullWidth maxWidth="md">
        <DialogTitle id="bulk-open-title">{translate('app.evaluation.bulk.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {!job ? (
              <>
                <DialogContentText>{translate('app.evaluation.bulk.body')}</DialogContentText>
                <Box>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>{translate('app.evaluation.bulk.only_tiers')}</Typography>
                  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
                    {tiers.map((tier) => (
                      <Chip
                        key={tier}
                        label={translate(`app.tier.${tier}`)}
                        color={chosenTiers.includes(tier) ? 'primary' : 'default'}
                        variant={chosenTiers.includes(tier) ? 'filled' : 'outlined'}
                        onClick={() => setChosenTiers((t) => toggle(t, tier))}
                        aria-pressed={chosenTiers.includes(tier)}
                      />
                    ))}
                  </Stack>
                </Box>
                {regions?.length ? (
                  <Box>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>{translate('app.evaluation.bulk.only_regions')}</Typography>
                    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
                      {regions.map((region) => (
                        <Chip
                          key={region.id}
                          label={regionName(region)}
                          color={chosenRegions.includes(region.id as number) ? 'primary' : 'default'}
                          variant={chosenRegions.includes(region.id as number) ? 'filled' : 'outlined'}
                          onClick={() => setChosenRegions((r) => toggle(r, region.id as number))}
                          aria-pressed={chosenRegions.includes(region.id as number)}
                        />
                      ))}
                    </Stack>
                  </Box>
                ) : null}
                {/* Or only some years: their rows, selected and opened in one action. */}
                <AwaitingYears tiers={chosenTiers} regionIds={chosenRegions} onSkipped={setPickedSkipped} />
                {pickedSkipped.length ? <SkippedYears years={pickedSkipped} /> : null}
              </>
            ) : (
              <Box aria-live="polite">
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {job.status === 'running'
                    ? translate('app.evaluation.bulk.progress', { done: job.done, total: job.total })
                    : job.status === 'done'
                      ? (job.total === 0 ? translate('app.evaluation.bulk.nothing') : translate('app.evaluation.bulk.done', { smart_count: opened, total: job.total }))
                      : translate('app.evaluation.bulk.failed', { smart_count: opened })}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={percent}
                  color={job.status === 'failed' ? 'error' : job.status === 'done' ? 'success' : 'primary'}
                  aria-label={translate('app.evaluation.bulk.title')}
                  sx={{ height: 8, borderRadius: 4 }}
                />
                {job.status !== 'running' && job.result?.skipped?.length ? <SkippedYears years={job.result.skipped} /> : null}
                {job.status === 'failed' && job.error ? <Alert severity="error" sx={{ mt: 2 }}>{job.error}</Alert> : null}
                {job.status === 'running' ? (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>{translate('app.evaluation.bulk.background')}</Typography>
                ) : null}
              </Box>
            )}
            <ProblemAlert problem={problem} />
          </Stack>
        </DialogContent>
        <DialogActions>
          {!job ? (
            <>
              <Button onClick={close}>{translate('ra.action.cancel')}</Button>
              <Button variant="contained" onClick={start} disabled={starting}>{translate('app.evaluation.bulk.start')}</Button>
            </>
          ) : running ? (
            <Button onClick={close}>{translate('app.evaluation.bulk.hide')}</Button>
          ) : (
            <>
              <Button onClick={close}>{translate('ra.action.close')}</Button>
              {opened > 0 ? <Button variant="contained" onClick={showOpen}>{translate('app.evaluation.bulk.show_open')}</Button> : null}
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The years bulk opening did not open, each with its reason and a link to its agreement. */
function SkippedYears({ years }: { years: SkippedYear[] }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="body2">{translate('app.evaluation.bulk.skipped', { smart_count: years.length })}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3, maxHeight: 240, overflowY: 'auto' }}>
        {years.map((y) => (
          <li key={`${y.agreementId}-${y.year}`}>
            <Typography variant="body2" component="span">
              <Link href={`#/agreements/${y.agreementId}/show`}>{translate('app.evaluation.bulk.skipped_year', { id: y.agreementId, year: y.year })}</Link>
              {' — '}
              {translate(`app.evaluation.bulk.skip_reason.${y.reason}`, { _: y.message })}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

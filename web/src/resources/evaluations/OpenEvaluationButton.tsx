import { useEffect, useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';
import { TierChip } from '../../components/chips';
import { parseProblem, type Problem } from '../../components/problem/parse-problem';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import { addDays } from '../../components/dates';
import { agreementYear, todayInChina } from '@campus/common';
import type { Agreement } from '../agreements/types';
import type { Evaluation } from './types';

interface YearOption {
  year: number;
  from: string;
  to: string;
  evaluationId?: number;
  ended: boolean;
}

/** The years of an agreement's term, with what stands in the way of opening each one's evaluation. */
export function yearOptions(agreement: Pick<Agreement, 'startDate' | 'termYears'>, evaluations: Pick<Evaluation, 'id' | 'year'>[], today: string): YearOption[] {
  if (!agreement.startDate) return [];
  return Array.from({ length: agreement.termYears }, (_, i) => {
    const year = i + 1;
    const { from, to } = agreementYear(agreement.startDate!, year);
    return { year, from, to, ended: to <= today, evaluationId: evaluations.find((e) => e.year === year)?.id as number | undefined };
  });
}

function useDebounced<T>(value: T, ms = 300) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/**
 * HQ opens the evaluation of one agreement year: picks a live agreement, then one of its years that
 * has ended and is not evaluated yet. The server freezes the KPI snapshot and says what is wrong
 * otherwise; the new evaluation opens at once.
 */
export function OpenEvaluationButton() {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const today = todayInChina();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const [agreement, setAgreement] = useState<Agreement | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const { data: agreements, isPending: searching } = useGetList<Agreement>(
    'agreements',
    { filter: { status: ['active', 'rectifying'], ...(q ? { q } : {}) }, pagination: { page: 1, perPage: 20 }, sort: { field: 'schoolName', order: 'ASC' } },
    { enabled: open },
  );
  const { data: evaluations, isPending: loadingYears } = useGetList<Evaluation>(
    'evaluations',
    { filter: { agreementId: agreement?.id }, pagination: { page: 1, perPage: 20 }, sort: { field: 'year', order: 'ASC' } },
    { enabled: open && !!agreement },
  );
  const options = useMemo(() => (agreement && evaluations ? yearOptions(agreement, evaluations, today) : []), [agreement, evaluations, today]);

  useEffect(() => {
    // Preselect the first year that can be opened.
    setYear(options.find((o) => o.ended && !o.evaluationId)?.year ?? null);
  }, [options]);

  const close = () => {
    setOpen(false);
    setProblem(null);
  };

  const submit = async () => {
    if (!agreement || !year) return;
    setPending(true);
    setProblem(null);
    try {
      const { data } = await dataProvider.create<Evaluation>('evaluations', { data: { agreementId: agreement.id, year } });
      setOpen(false);
      navigate(`/evaluations/${data.id}/show`);
    } catch (error) {
      setProblem(parseProblem(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>{translate('app.evaluation.open.button')}</Button>
      <Dialog open={open} onClose={close} aria-labelledby="open-evaluation-title" fullWidth maxWidth="sm">
        <DialogTitle id="open-evaluation-title">{translate('app.evaluation.open.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <DialogContentText>{translate('app.evaluation.open.body')}</DialogContentText>
            <Autocomplete
              options={agreements ?? []}
              loading={searching}
              value={agreement}
              onChange={(_, value) => { setAgreement(value); setProblem(null); }}
              inputValue={search}
              onInputChange={(_, value) => setSearch(value)}
              filterOptions={(x) => x}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              getOptionLabel={(a) => `${a.schoolName} · #${a.id}`}
              renderOption={({ key, ...props }, a) => (
                <Box component="li" key={key} {...props} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  <Box sx={{ flexGrow: 1 }}>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>{a.schoolName}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {translate('app.evaluation.open.agreement_line', { id: a.id, start: a.startDate ?? '—', years: a.termYears, current: a.currentYear ?? '—' })}
                    </Typography>
                  </Box>
                  <TierChip tier={a.tier} />
                </Box>
              )}
              noOptionsText={translate('app.evaluation.open.no_agreements')}
              renderInput={(params) => <TextField {...params} label={translate('app.evaluation.open.agreement')} autoFocus />}
            />
            {agreement ? (
              <FormControl>
                <FormLabel id="open-year-label">{translate('app.evaluation.open.year')}</FormLabel>
                {loadingYears ? null : (
                  <RadioGroup aria-labelledby="open-year-label" value={year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
                    {options.map((o) => (
                      <FormControlLabel
                        key={o.year}
                        value={o.year}
                        disabled={!!o.evaluationId || !o.ended}
                        control={<Radio />}
                        label={(
                          <Box sx={{ py: 0.25 }}>
                            <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                              {translate(o.year === agreement.termYears ? 'app.evaluation.name_final' : 'app.evaluation.name_annual', { year: o.year })}
                            </Typography>
                            <Typography variant="caption" color="text.secondary" component="span" sx={{ display: 'block' }}>
                              {`${o.from} – ${addDays(o.to, -1)} · `}
                              {o.evaluationId ? (
                                <Link component={RouterLink} to={`/evaluations/${o.evaluationId}/show`} onClick={close}>
                                  {translate('app.evaluation.open.exists', { id: o.evaluationId })}
                                </Link>
                              ) : o.ended ? translate('app.evaluation.open.ready') : translate('app.evaluation.open.not_ended', { to: o.to })}
                            </Typography>
                          </Box>
                        )}
                      />
                    ))}
                  </RadioGroup>
                )}
              </FormControl>
            ) : null}
            <ProblemAlert problem={problem} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={!agreement || !year || pending}>{translate('app.evaluation.open.submit')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

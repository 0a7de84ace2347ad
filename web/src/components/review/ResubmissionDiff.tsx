import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ResubmissionInfo, ValueChange } from '@campus/common';
import { formatInstant } from '../dates';

const shown = (v: unknown, empty: string) => (v === null || v === undefined || v === '' ? empty : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A resubmission: which return it answers, and what changed in the plan since (fields, and items added, removed, changed). */
export function ResubmissionDiff({ resubmission, fieldLabel }: { resubmission: ResubmissionInfo; fieldLabel?: (path: string) => string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = fieldLabel ?? ((p: string) => p);
  const empty = translate('app.review.empty_value');
  const change = (c: ValueChange, prefix = '') => translate('app.review.field_changed', {
    field: prefix ? `${prefix} · ${label(c.path)}` : label(c.path), before: shown(c.before, empty), after: shown(c.after, empty),
  });
  const diff = resubmission.diff;
  const kind = (k: string) => translate(`resources.applications.item_kind.${k}`, { _: k });
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="resubmission-diff">
      <AlertTitle>{translate('app.review.resubmission_title', { who: resubmission.returnedBy ?? '', at: formatInstant(resubmission.returnedAt, locale) })}</AlertTitle>
      {resubmission.comment ? <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 0.5 }}>“{resubmission.comment}”</Typography> : null}
      {!diff ? <Typography variant="body2">{translate('app.review.resubmission_no_copy')}</Typography> : diff.empty ? (
        <Typography variant="body2" data-testid="diff-empty">{translate('app.review.no_changes')}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {diff.fields.map((c) => <li key={c.path} data-testid="diff-field">{change(c)}</li>)}
          {diff.added.map((i, k) => <li key={`a${k}`} data-testid="diff-added">{translate('app.review.added')}：{kind(i.kind)} · {i.title}</li>)}
          {diff.removed.map((i, k) => <li key={`r${k}`} data-testid="diff-removed">{translate('app.review.removed')}：{kind(i.kind)} · {i.title}</li>)}
          {diff.changed.map((i) => (
            <li key={`c${i.id}`} data-testid="diff-changed">
              {translate('app.review.changed')}：{kind(i.kind)} · {i.title}
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {i.fields.map((c) => <li key={c.path}>{change(c)}</li>)}
              </Box>
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

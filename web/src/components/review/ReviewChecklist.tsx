import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HorizontalRuleIcon from '@mui/icons-material/HorizontalRule';
import { useTranslate } from 'react-admin';
import type { ChecklistItem, ReviewContextRecord, ReviewRequirement } from '@campus/common';
import { actualText, requiredText } from './format';
import { useReviewContext } from './use-review-context';

function Verdict({ met }: { met: boolean | null }) {
  const translate = useTranslate();
  if (met === true) return <CheckCircleIcon fontSize="small" color="success" titleAccess={translate('app.review.met')} />;
  if (met === false) return <ErrorIcon fontSize="small" color="error" titleAccess={translate('app.review.not_met')} />;
  return <HorizontalRuleIcon fontSize="small" color="disabled" titleAccess={translate('app.review.no_threshold')} />;
}

function Evidence({ item }: { item: ChecklistItem }) {
  const translate = useTranslate();
  if (!item.evidence.length) return null;
  return (
    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} data-testid={`check-evidence-${item.key}`}>
      {item.evidence.map((e, i) => (
        <Typography component="li" variant="caption" key={i} sx={{ color: e.counts === false ? 'error.main' : 'text.secondary' }}>
          {e.label === 'longTermPlan' ? translate('app.review.qualification.longTermPlan') : e.label}
          {e.detail ? ` · ${e.detail}` : ''}
          {e.date ? ` · ${translate(e.counts === false ? 'app.review.expired' : 'app.review.valid_until', { date: e.date })}` : ''}
          {item.key === 'certifiedInstructors' && item.source === 'plan' && e.counts === null ? ` · ${translate('app.review.not_on_record')}` : ''}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * The tier policy's requirements of the agreement year, one row each, against what the school
 * submitted (the plan) or recorded (instructors, KPIs): a reviewer sees what the decision rests on.
 */
export function ReviewChecklist({ context, only }: { context: ReviewContextRecord; only?: readonly ReviewRequirement[] }) {
  const translate = useTranslate();
  const items = only ? context.checklist.filter((c) => only.includes(c.key)) : context.checklist;
  const sources = [...new Set(items.map((c) => c.source))];
  return (
    <Box data-testid="review-checklist">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{translate('app.review.checklist')}</Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('app.review.checklist_help', { year: context.subject.policyYear, source: sources.map((s) => translate(`app.review.source.${s}`)).join(' / ') })}
      </Typography>
      <List dense disablePadding>
        {items.map((item) => (
          <ListItem key={item.key} disableGutters divider data-testid={`check-${item.key}`} data-met={String(item.met)} sx={{ alignItems: 'flex-start', gap: 1 }}>
            <Box sx={{ pt: 0.25 }}><Verdict met={item.met} /></Box>
            <Box sx={{ minWidth: 0, flex: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>{translate(`app.review.requirement.${item.key}`)}</Typography>
              <Typography variant="caption" component="div">
                <Box component="span" sx={{ color: 'text.secondary' }}>{translate('app.review.required')}：</Box>
                <span data-testid={`check-required-${item.key}`}>{requiredText(item, translate)}</span>
              </Typography>
              <Typography variant="caption" component="div">
                <Box component="span" sx={{ color: 'text.secondary' }}>{translate(`app.review.actual.${item.source}`)}：</Box>
                <span data-testid={`check-actual-${item.key}`}>{actualText(item, translate)}</span>
              </Typography>
              <Evidence item={item} />
            </Box>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** A few rows of an agreement's checklist inside a decision dialog (the inspection: instructors in place, resources configured). */
export function AgreementChecklistExcerpt({ agreementId, only }: { agreementId: number; only: readonly ReviewRequirement[] }) {
  const { data } = useReviewContext('agreements', agreementId);
  return data ? <Box sx={{ mb: 1 }} data-testid="dialog-checklist"><ReviewChecklist context={data} only={only} /></Box> : null;
}

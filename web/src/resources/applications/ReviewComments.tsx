import { createContext, useContext, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import RateReviewOutlinedIcon from '@mui/icons-material/RateReviewOutlined';
import { useGetList, useTranslate } from 'react-admin';
import { When, type HistoryEvent } from '../../components/History';
import { commentsUnder, overallComment } from './plan-model';

/**
 * Where the form shows reviewers' comments. A comment keyed by a path listed here sits next to that
 * field or section; comments on sub-paths of a section without their own place show in the section;
 * anything else (a path this form does not know) goes to the banner, so no comment is ever hidden.
 */
export const commentSections = [
  'tier', 'plan.contact', 'plan.qualifications', 'plan.summary', 'plan.targets', 'plan.instructors', 'plan.teachingResources',
  'plan.practicePlan', 'plan.practiceProjects', 'plan.jobFairPlan', 'plan.jobFairs', 'planItems', 'attachments', 'pledge',
] as const;

/** Fields that show their own comment right under the input (the section shows the rest). */
export const commentFields = [
  'plan.contact.name', 'plan.contact.phone', 'plan.qualifications.cbecDisciplineBase', 'plan.qualifications.talentTrainingValued',
  'plan.qualifications.longTermPlan', 'plan.qualifications.disciplineDescription', 'plan.targets.certificates1x',
  'plan.targets.certificatesOperator', 'plan.targets.jobPlatformRate', 'plan.targets.practiceHoursPerStudent', 'plan.targets.studentsPerYear',
] as const;

const ReviewContext = createContext<Record<string, string>>({});

export function ReviewCommentsProvider({ comments, children }: { comments: Record<string, string> | undefined; children: ReactNode }) {
  return <ReviewContext.Provider value={comments ?? {}}>{children}</ReviewContext.Provider>;
}

export const useReviewComments = () => useContext(ReviewContext);

/**
 * The label of a commented (or missing) path: a section's name ("plan.targets" → 目标), else the
 * field's own label ("plan.contact.phone" → 联系电话), else the path itself.
 */
export function useCommentLabel() {
  const translate = useTranslate();
  return (path: string) => translate(`resources.applications.review_paths.${path.replace(/\./g, '_')}`, {
    _: translate(`resources.applications.fields.${path}`, { _: path }),
  });
}

/** The paths a reviewer can comment on, in the order of the form. */
export const reviewPaths = [
  'tier', 'plan.contact', 'plan.qualifications', 'plan.qualifications.longTermPlan', 'plan.summary', 'plan.targets', 'plan.instructors',
  'plan.teachingResources', 'plan.practicePlan', 'plan.practiceProjects', 'plan.jobFairPlan', 'plan.jobFairs', 'attachments',
] as const;

function Note({ label, comment }: { label?: string; comment: string }) {
  return (
    <Alert severity="warning" icon={<RateReviewOutlinedIcon fontSize="small" />} sx={{ py: 0, mt: 0.5 }} data-testid="review-note">
      {label ? <strong>{label}：</strong> : null}
      {comment}
    </Alert>
  );
}

/** The reviewer's comment about exactly this field, under its input. */
export function FieldComment({ path }: { path: string }) {
  const comments = useReviewComments();
  const comment = comments[path]?.trim();
  return comment ? <Note comment={comment} /> : null;
}

/** The comments about a section and the fields in it that have no place of their own. */
export function SectionComments({ prefix }: { prefix: string }) {
  const comments = useReviewComments();
  const label = useCommentLabel();
  const entries = commentsUnder(comments, prefix, commentFields);
  if (!entries.length) return null;
  return (
    <Box sx={{ mb: 1.5 }}>
      {entries.map(([path, comment]) => (
        <Note key={path} label={path === prefix ? undefined : label(path)} comment={comment} />
      ))}
    </Box>
  );
}

const placed = (path: string) => commentSections.some((s) => path === s || path.startsWith(`${s}.`));

/** The latest return of a returned application: who sent it back, when, and their comment. */
function useLatestReturn(applicationId: number | string | undefined) {
  const { data } = useGetList<HistoryEvent>(
    'audit-events',
    {
      filter: { entityType: 'application', entityId: Number(applicationId), action: ['regional_return', 'hq_return'] },
      sort: { field: 'at', order: 'DESC' },
      pagination: { page: 1, perPage: 1 },
    },
    { enabled: applicationId != null },
  );
  return data?.[0];
}

/**
 * The reviewer's overall comment, and any comment the form has no place for, above the form. On a
 * returned application it also says who returned it and when (from the history), and falls back on
 * that event's comment when the record keeps no overall one.
 */
export function ReviewBanner({ action, returnedId }: { action?: ReactNode; returnedId?: number | string }) {
  const comments = useReviewComments();
  const translate = useTranslate();
  const label = useCommentLabel();
  const latest = useLatestReturn(returnedId);
  const overall = overallComment(comments) || latest?.comment?.trim() || '';
  const others = Object.entries(comments).filter(([path, c]) => path !== '_overall' && c?.trim() && !placed(path));
  const byField = Object.entries(comments).filter(([path, c]) => path !== '_overall' && c?.trim() && placed(path)).length;
  if (!overall && !others.length && !byField) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="review-banner" action={action}>
      <AlertTitle>
        {translate('resources.applications.review.returned_title')}
        {latest ? (
          <Box component="span" sx={{ fontWeight: 400, fontSize: '0.85em', ml: 1 }}>
            {translate(`app.action.${latest.action}`, { _: latest.action })} · {latest.actorName ?? ''} · <When at={latest.at} />
          </Box>
        ) : null}
      </AlertTitle>
      {overall ? <Box sx={{ whiteSpace: 'pre-wrap' }}>{overall}</Box> : null}
      {others.length ? (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {others.map(([path, comment]) => (
            <li key={path}><strong>{label(path)}：</strong>{comment}</li>
          ))}
        </Box>
      ) : null}
      {byField ? <Box sx={{ mt: 0.5, fontSize: '0.9em' }}>{translate('resources.applications.review.see_fields', { smart_count: byField })}</Box> : null}
    </Alert>
  );
}

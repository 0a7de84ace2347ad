import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useTranslate } from 'react-admin';
import { useErrorText } from '../problem/parse-problem';
import { ReviewChecklist } from './ReviewChecklist';
import { ResubmissionDiff } from './ResubmissionDiff';
import { SchoolHistoryButton } from './SchoolHistory';
import { useReviewContext, type ReviewResource } from './use-review-context';

/**
 * The evidence beside a review or decision form (issue 17 item 1): for a resubmission what changed
 * since the return, the tier policy's checklist, and the school's history one click away.
 */
export function ReviewPanel({ resource, id, version, fieldLabel }: { resource: ReviewResource; id: number; version?: number; fieldLabel?: (path: string) => string }) {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { data, error, isPending } = useReviewContext(resource, id, version);
  return (
    <Card variant="outlined" component="aside" aria-label={translate('app.review.checklist')} data-testid="review-panel" sx={{ position: { lg: 'sticky' }, top: { lg: 72 } }}>
      <CardContent>
        {isPending ? <LinearProgress aria-label={translate('app.review.loading')} /> : null}
        {error ? <Alert severity="error">{errorText(error)}</Alert> : null}
        {data ? (
          <Stack spacing={1.5}>
            {data.resubmission ? <ResubmissionDiff resubmission={data.resubmission} fieldLabel={fieldLabel} /> : null}
            <SchoolHistoryButton history={data.history} currentApplicationId={resource === 'applications' ? id : undefined} />
            <ReviewChecklist context={data} />
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
}

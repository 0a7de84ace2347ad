import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { ShowBase, Title, usePermissions, useShowContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { RecordHistory } from '../../components/RecordHistory';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { WorkflowHeader } from '../../components/workflow/WorkflowHeader';
import type { Feedback } from './FeedbackList';
import { feedbackReview } from './specs';

const titleProps = { title: { variant: 'subtitle1' as const, sx: { fontWeight: 600 } } };

function FeedbackPage() {
  const { record, isPending, error } = useShowContext<Feedback>();
  const { permissions: role } = usePermissions<string>();
  const translate = useTranslate();
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.subject} />
      <Card variant="outlined">
        <CardContent>
          <WorkflowHeader
            resource="feedback"
            entity="feedback"
            record={record}
            title={record.subject}
            subtitle={(
              <>
                {role === 'hq' ? <><Link component={RouterLink} to={`/schools/${record.schoolId}/show`}>{record.schoolName}</Link>{' → '}</> : null}
                {role === 'hq' ? <Link component={RouterLink} to={`/providers/${record.providerId}/show`}>{record.providerName}</Link> : record.providerName}
                {' · '}<LocalDateField source="createdAt" showTime />
              </>
            )}
            actions={<ReviewActions {...feedbackReview} record={record} />}
          />
          <Typography sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>{record.body}</Typography>
        </CardContent>
      </Card>
      <Card variant="outlined" sx={record.reply ? { borderColor: 'success.light' } : undefined} data-testid="feedback-reply">
        <CardHeader
          title={translate('app.work.feedback.reply_title')}
          subheader={record.repliedAt ? <LocalDateField source="repliedAt" showTime /> : undefined}
          slotProps={titleProps}
        />
        <CardContent sx={{ pt: 0 }}>
          {record.reply ? (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.reply}</Typography>
          ) : (
            <Typography color="text.secondary">
              {translate(role === 'hq' ? 'app.work.feedback.no_reply_hq' : 'app.work.feedback.no_reply')}
            </Typography>
          )}
          {record.status === 'closed' ? <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>{translate('app.work.feedback.closed')}</Alert> : null}
        </CardContent>
      </Card>
      <RecordHistory entityType="feedback" entityId={record.id} />
    </Stack>
  );
}

export function FeedbackShow() {
  return (
    <ShowBase>
      <FeedbackPage />
    </ShowBase>
  );
}

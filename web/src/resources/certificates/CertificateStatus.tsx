import { useState } from 'react';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import VerifiedIcon from '@mui/icons-material/Verified';
import PendingIcon from '@mui/icons-material/HourglassEmpty';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { certificateStatuses } from '@campus/common';
import { useVocabularyChoices } from '../../components/choices';
import { ActionBar } from '../../components/workflow/ActionBar';
import { WorkflowDialog } from '../../components/workflow/WorkflowDialog';
import { useWorkflowAction } from '../../components/workflow/use-workflow-action';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';

/** A certificate as the list and pages read it, with its status (issue 18). */
export interface CertificateStatusRecord {
  id: number;
  certNo: string | null;
  status?: 'claimed' | 'verified';
  allowedActions?: string[];
}

/** 已核验 / 待核验, in words with an icon (not by colour alone), and what it means on hover. */
export function CertificateStatusField(_: { source?: string; label?: string }) {
  const record = useRecordContext<CertificateStatusRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  const verified = record.status === 'verified';
  return (
    <Tooltip title={translate(`app.certification.status_help_${record.status}`)}>
      <Chip
        size="small"
        data-testid="certificate-status"
        icon={verified ? <VerifiedIcon /> : <PendingIcon />}
        color={verified ? 'success' : 'default'}
        variant={verified ? 'filled' : 'outlined'}
        label={translate(`app.certificate_status.${record.status}`)}
      />
    </Tooltip>
  );
}

export const useCertificateStatusChoices = () => useVocabularyChoices(certificateStatuses, 'app.certificate_status');

/** HQ's confirmation of a claimed certificate, with how it was checked. */
function VerifyDialog({ record, close }: { record: CertificateStatusRecord; close: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { send } = useWorkflowAction('certificates');
  const [comment, setComment] = useState('');
  return (
    <WorkflowDialog
      open
      onClose={close}
      entity="certificate"
      title={translate('app.certification.verify_title', { certNo: record.certNo ?? translate('app.certification.no_number') })}
      help={translate('app.certification.verify_help')}
      confirmLabel={translate('app.action.verify')}
      confirmColor="success"
      onConfirm={async () => {
        await send(record as unknown as WorkflowRecord, 'verify', comment.trim() ? { comment: comment.trim() } : {});
        notify('app.certification.verified', { type: 'success' });
        refresh();
        close();
      }}
      onReload={() => { refresh(); close(); }}
    >
      <TextField label={translate('app.certification.verify_comment')} value={comment} onChange={(e) => setComment(e.target.value)} fullWidth multiline minRows={2} />
    </WorkflowDialog>
  );
}

/** The certificate's actions (HQ's verify of a claim), from its allowedActions. */
export function CertificateActions({ size = 'small' }: { size?: 'small' | 'medium' }) {
  const record = useRecordContext<CertificateStatusRecord>();
  if (!record?.allowedActions?.length) return null;
  return (
    <ActionBar
      record={record as unknown as WorkflowRecord}
      size={size}
      dialog={(action, close, r) => (action === 'verify' ? <VerifyDialog record={r as unknown as CertificateStatusRecord} close={close} /> : null)}
    />
  );
}

import { useState } from 'react';
import TextField from '@mui/material/TextField';
import MenuItem from '@mui/material/MenuItem';
import SchoolIcon from '@mui/icons-material/School';
import { useCanAccess, useTranslate } from 'react-admin';
import { BulkActionButton } from './BulkActionButton';
import { markStudentsLeft } from './bulkApi';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The students list's bulk action: the selected students graduated (or withdrew) on one day, for the school itself. */
export function MarkStudentsLeftButton() {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'students', action: 'edit' });
  const [leftOn, setLeftOn] = useState(today);
  const [leftReason, setLeftReason] = useState<'graduated' | 'withdrew'>('graduated');
  // Kept while the permission is re-read, so that an open confirmation stays open.
  if (!canAccess && !isPending) return null;
  return (
    <BulkActionButton
      resource="students"
      label="app.bulk.mark_left"
      icon={<SchoolIcon />}
      title="app.bulk.mark_left_title"
      run={(dp, ids) => markStudentsLeft(dp, ids, leftOn, leftReason)}
      done={() => ['app.bulk.marked_left', { reason: translate(`app.left_reason.${leftReason}`) }]}
    >
      <TextField type="date" label={translate('app.bulk.left_on')} value={leftOn} onChange={(e) => setLeftOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} required />
      <TextField select label={translate('app.bulk.left_reason')} value={leftReason} onChange={(e) => setLeftReason(e.target.value as 'graduated' | 'withdrew')}>
        <MenuItem value="graduated">{translate('app.left_reason.graduated')}</MenuItem>
        <MenuItem value="withdrew">{translate('app.left_reason.withdrew')}</MenuItem>
      </TextField>
    </BulkActionButton>
  );
}

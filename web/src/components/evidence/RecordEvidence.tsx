import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { canAccess, type Role } from '../../providers/permissions';
import { Evidence } from './Evidence';

export interface RecordEvidenceProps {
  /** The evidence entity type of the record (job_fair, certificate, practice_record…). */
  entityType: string;
  /** The record's resource: who may edit it may attach and remove its files. */
  resource: string;
  /** A line under the title saying what belongs here (a translation key). */
  help?: string;
  /** Show the title as a heading (an edit page); a show page's layout labels it itself. */
  heading?: boolean;
  /** Read only, whatever the role may do (a show page of a record that is edited elsewhere). */
  readOnly?: boolean;
  /** Passed by SimpleShowLayout to label the field. */
  label?: string;
}

/**
 * The evidence files of the record in context: listed and downloadable by everyone who may see the
 * record; attached and removed by the role that may edit it (the server is the guard: it refuses
 * what the role or the record's state does not allow, and the component shows its problem).
 */
export function RecordEvidence({ entityType, resource, help, heading = false, readOnly = false }: RecordEvidenceProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  if (record?.id == null) return null;
  const writable = !readOnly && canAccess(role, resource, 'edit') && canAccess(role, 'evidence', 'create');
  return (
    <Box data-testid={`evidence-${entityType}`} sx={heading ? { px: 2, pb: 2 } : undefined}>
      {heading ? (
        <>
          <Divider sx={{ mb: 2 }} />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{translate('app.evidence.title')}</Typography>
        </>
      ) : null}
      {help ? <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate(help)}</Typography> : null}
      <Evidence entityType={entityType} entityId={Number(record.id)} upload={writable} remove={writable} />
    </Box>
  );
}

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../../providers/permissions';
import { Evidence } from './Evidence';

/** What the UI needs of an agreement to place its files. */
export interface AgreementLike {
  id: number | string;
  status: string;
  allowedActions?: string[];
}

/**
 * Who may attach files to an agreement, as the server decides it (evidence-owners.ts): HQ while it
 * has an action on the agreement (signing, ceremony, inspection, rectification); the school while
 * its agreement is under rectification (what it did about it). The server refuses everything else.
 */
export function mayAttachToAgreement(role: Role | undefined, agreement: AgreementLike) {
  if (role === 'school') return agreement.status === 'rectifying';
  if (role === 'hq') return (agreement.allowedActions?.length ?? 0) > 0;
  return false;
}

/** An agreement's files: everyone who sees the agreement downloads them; attached where the role may. */
export function AgreementEvidence({ agreement, emptyText, rectification = false }: { agreement: AgreementLike; emptyText?: string; rectification?: boolean }) {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const writable = mayAttachToAgreement(role, agreement);
  return (
    <Box data-testid="agreement-evidence">
      {rectification ? (
        <>
          <Typography variant="subtitle2">{translate('app.evidence.rectification_title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('app.evidence.rectification_help')}</Typography>
        </>
      ) : null}
      <Evidence entityType="agreement" entityId={Number(agreement.id)} upload={writable} remove={writable} newestFirst={rectification} pageSize={rectification ? 5 : 100} emptyText={emptyText} />
    </Box>
  );
}

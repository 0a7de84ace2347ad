import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { useCanAccess } from 'react-admin';
import { History } from './History';

/** The record's history timeline, for the roles that may read the audit trail (not providers). */
export function RecordHistory({ entityType, entityId }: { entityType: string; entityId: number | string }) {
  const { canAccess, isPending } = useCanAccess({ resource: 'audit-events', action: 'list' });
  if (isPending || !canAccess) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <History entityType={entityType} entityId={entityId} />
      </CardContent>
    </Card>
  );
}

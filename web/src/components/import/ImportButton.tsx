import Button from '@mui/material/Button';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link } from 'react-router-dom';
import { useCanAccess, useResourceContext, useTranslate } from 'react-admin';

/** "导入" in a list's toolbar, for roles that may import the resource (permissions table). */
export function ImportButton({ resource: given }: { resource?: string }) {
  const fromContext = useResourceContext();
  const resource = given ?? fromContext ?? '';
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'import' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to={`/${resource}/import`} size="small" startIcon={<UploadFileIcon />}>
      {translate('app.action.import')}
    </Button>
  );
}

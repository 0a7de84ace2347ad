import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import InboxIcon from '@mui/icons-material/Inbox';
import { CreateButton, useCanAccess, useResourceContext, useTranslate } from 'react-admin';
import { ImportButton } from '../import/ImportButton';

/**
 * What a list shows while it has no record at all (react-admin's `empty`): that it is empty, and the
 * ways to fill it, each only for the roles that may: create one, and import many (the import kit's
 * screen). Without it an empty directory on a first start offers only "create" (react-admin's own
 * empty page replaces the toolbar, import button included).
 */
export function ListEmpty({ create = true, importable = false }: {
  /** true: the create button; an element: what stands for it (for the roles that may create). */
  create?: boolean | ReactElement;
  importable?: boolean;
}) {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource, action: 'create' });
  const { canAccess: canImport } = useCanAccess({ resource, action: 'import' });
  const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
  const createButton = create && canCreate ? (create === true ? <CreateButton variant="contained" /> : create) : null;
  const importButton = importable && canImport ? <ImportButton resource={resource} /> : null;
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, flex: 1 }} data-testid="list-empty">
      <InboxIcon sx={{ fontSize: 72, color: 'text.disabled' }} />
      <Typography variant="h6" component="p" color="text.secondary">{translate('ra.page.empty', { name })}</Typography>
      {createButton || importButton ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate(importButton ? 'app.import.empty_invite' : 'ra.page.invite')}
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'center', mt: 2 }}>
            {createButton}
            {importButton}
          </Stack>
        </>
      ) : null}
    </Box>
  );
}

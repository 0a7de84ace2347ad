import type { ReactElement, ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';
import { CreateButton, ExportButton, FilterButton, TopToolbar, useCanAccess, useResourceContext } from 'react-admin';
import { ImportButton } from '../import/ImportButton';

/**
 * A list's toolbar, the same on every list: the filter button, the list's own controls, then
 * create, import and export, each only for the roles that may (the shared permissions table).
 */
export function ListToolbar({ filters = false, create = false, importable = false, exportable = false, sx, children }: {
  /** Shows react-admin's "add filter" button (for the filters that are not always on). */
  filters?: boolean;
  /** true: the create button; an element: what stands for it (for the roles that may create). */
  create?: boolean | ReactElement;
  importable?: boolean;
  exportable?: boolean;
  sx?: SxProps<Theme>;
  children?: ReactNode;
}) {
  const resource = useResourceContext() ?? '';
  const { canAccess: canCreate } = useCanAccess({ resource, action: 'create' });
  const { canAccess: canExport } = useCanAccess({ resource, action: 'export' });
  return (
    <TopToolbar sx={sx}>
      {filters ? <FilterButton /> : null}
      {children}
      {create && canCreate ? (create === true ? <CreateButton /> : create) : null}
      {importable ? <ImportButton /> : null}
      {exportable && canExport ? <ExportButton maxResults={10_000} /> : null}
    </TopToolbar>
  );
}

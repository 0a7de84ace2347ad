import { Children, createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import {
  DataTable,
  FieldTitle,
  NumberField,
  SimpleList,
  TextField,
  useRecordContext,
  useResourceContext,
  type DataTableProps,
} from 'react-admin';

type ColProps = {
  source?: string;
  label?: ReactNode;
  field?: React.ElementType;
  render?: (record: Record<string, unknown>) => ReactNode;
  children?: ReactNode;
  options?: Intl.NumberFormatOptions;
  locales?: string | string[];
};

/** Whether the screen is a phone's (below MUI's `sm` breakpoint, 600 px), as react-admin's demo decides. */
export function useSmallScreen(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
}

/** The columns of a DataTable, fragments and conditional `null`s flattened away. */
function columnsOf(children: ReactNode): ReactElement<ColProps>[] {
  const out: ReactElement<ColProps>[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement<ColProps>(child)) return;
    if (child.type === Fragment) out.push(...columnsOf(child.props.children));
    else out.push(child);
  });
  return out;
}

function RenderCell({ render }: { render: NonNullable<ColProps['render']> }) {
  const record = useRecordContext();
  return record ? <>{render(record)}</> : null;
}

/** What a DataTable cell shows for a column (DataTableCell's own order: children, render, field, source). */
function cellOf(col: ReactElement<ColProps>): ReactNode {
  const { children, render, field, source, options, locales } = col.props;
  if (children != null) return children;
  if (col.type === DataTable.NumberCol && source) return <NumberField source={source} options={options} locales={locales} />;
  if (render) return <RenderCell render={render} />;
  if (field) return createElement(field, { source });
  return source ? <TextField source={source} /> : null;
}

function keyOf(col: ReactElement<ColProps>, index: number): string {
  return col.props.source ?? (typeof col.props.label === 'string' ? col.props.label : String(index));
}

/** One record on a phone: the first column as the title, the others below it as "label: value", wrapping. */
function PhoneRow({ primary, rest, resource }: { primary: ReactNode; rest: ReactElement<ColProps>[]; resource?: string }) {
  return (
    // Text that a table cell keeps on one line wraps here: a phone has no room for it.
    <Box sx={{ minWidth: 0, overflowWrap: 'anywhere', '& .MuiTypography-root': { whiteSpace: 'normal' } }}>
      <Box sx={{ fontWeight: 500 }}>{primary}</Box>
      {rest.length ? (
        <Box
          sx={{ mt: 0.25, display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.25, typography: 'body2', color: 'text.secondary' }}
        >
          {rest.map((col, i) => (
            <Box key={keyOf(col, i)} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, minWidth: 0, maxWidth: '100%' }}>
              {col.props.label === false || col.props.label === '' ? null : (
                <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                  <FieldTitle label={col.props.label as string | undefined} source={col.props.source} resource={resource} />:
                </Box>
              )}
              <Box component="span" sx={{ minWidth: 0 }}>{cellOf(col)}</Box>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

export type ResponsiveDataTableProps = DataTableProps & {
  /** The title of a record on a phone (default: the first column's cell). */
  phonePrimary?: ReactNode;
  /** Columns left out on a phone, by source or label (e.g. a column of buttons: a phone row is itself a link). */
  phoneOmit?: string[];
};

/**
 * A list's table that becomes a simple list on a phone, as react-admin's demo does (useMediaQuery on
 * theme.breakpoints.down('sm'): SimpleList, else the table): each record is one entry, its first column
 * as the title and the other columns under it as "label: value" that wrap to the screen's width, the
 * entry opening what a row click opens. Written like a DataTable, with DataTable.Col children.
 * A phone has no bulk selection (and no expand panel): those stay on the wider screens.
 */
export function ResponsiveDataTable({ phonePrimary, phoneOmit = [], children, ...props }: ResponsiveDataTableProps) {
  const small = useSmallScreen();
  const resource = useResourceContext(props);
  if (!small) return <DataTable {...props}>{children}</DataTable>;
  const columns = columnsOf(children).filter(
    (col) => !phoneOmit.includes(col.props.source ?? '') && !(typeof col.props.label === 'string' && phoneOmit.includes(col.props.label)),
  );
  const [first, ...rest] = phonePrimary === undefined ? columns : [undefined, ...columns];
  const primary = phonePrimary ?? (first ? cellOf(first) : null);
  const rowClick = props.rowClick as Parameters<typeof SimpleList>[0]['rowClick'];
  return (
    <SimpleList
      rowClick={rowClick ?? undefined}
      empty={props.empty}
      resource={props.resource}
      {...(props.data ? { data: props.data, total: props.total ?? props.data.length, isPending: false } : {})}
      primaryText={<PhoneRow primary={primary} rest={rest as ReactElement<ColProps>[]} resource={resource} />}
      sx={{ py: 0 }}
    />
  );
}

ResponsiveDataTable.Col = DataTable.Col;
ResponsiveDataTable.NumberCol = DataTable.NumberCol;

import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { formatDistanceToNow } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { StateChip } from './chips';
import { stateTones } from './vocabulary';
import { formatInstant } from './dates';
import { resourceOfEntity } from './audit/entity-links';

/** One audit event as GET /api/audit-events answers it. */
export interface HistoryEvent {
  id: number;
  entityType: string;
  entityId: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorName: string | null;
  at: string;
  comment: string | null;
  data: Record<string, unknown> | null;
}

export interface HistoryProps {
  /** The audit events' singular entity type: application, agreement, evaluation… */
  entityType: string;
  entityId: number | string;
  /** The section's heading; false for none. Defaults to "流转记录 / History". */
  title?: ReactNode | false;
  /** A label for a field path of data.fieldComments; defaults to resources.<resource>.fields.<path>. */
  fieldLabel?: (field: string) => string;
  /** A label for a plan item id of data.planItemDecisions (its title, when the page knows it). */
  itemLabel?: (id: string) => string | undefined;
  /** More details of an event that only the page knows how to show. */
  renderDetails?: (event: HistoryEvent) => ReactNode;
}

const MAX_EVENTS = 200;

const dotColour = (event: HistoryEvent) => {
  const tone = event.toState ? stateTones[event.toState] : undefined;
  return tone && tone !== 'default' ? `${tone}.main` : 'grey.500';
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The timeline of one record: who did what, when, from which state to which, and why, oldest first.
 * Reads the audit events of the record (never updated or deleted), so it is the same story HQ sees in
 * the audit log. Generic over record types; a page may add its own details with renderDetails.
 */
export function History({ entityType, entityId, title, fieldLabel, itemLabel, renderDetails }: HistoryProps) {
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList<HistoryEvent>(
    'audit-events',
    {
      filter: { entityType, entityId: Number(entityId) },
      sort: { field: 'at', order: 'ASC' },
      pagination: { page: 1, perPage: MAX_EVENTS },
    },
    { enabled: entityId != null && entityId !== '' },
  );
  const resource = resourceOfEntity(entityType);
  const labelOf = fieldLabel ?? ((field: string) => translate(`resources.${resource}.fields.${field}`, { _: field }));

  return (
    <Box component="section" aria-label={typeof title === 'string' ? title : translate('app.history.title')} data-testid="history">
      {title === false ? null : (
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {title ?? translate('app.history.title')}
        </Typography>
      )}
      {error ? (
        <Alert severity="error">{(error as Error).message}</Alert>
      ) : isPending ? (
        <Box>
          <Skeleton width="60%" />
          <Skeleton width="40%" />
        </Box>
      ) : !data?.length ? (
        <Typography variant="body2" color="text.secondary">{translate('app.history.empty')}</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {data.map((event, i) => (
            <TimelineItem
              key={event.id}
              event={event}
              last={i === data.length - 1}
              labelOf={labelOf}
              itemLabel={itemLabel}
              renderDetails={renderDetails}
            />
          ))}
        </Box>
      )}
      {total != null && data && total > data.length ? (
        <Typography variant="caption" color="text.secondary">
          {translate('app.history.more', { shown: data.length, total })}
        </Typography>
      ) : null}
    </Box>
  );
}

function TimelineItem({ event, last, labelOf, itemLabel, renderDetails }: {
  event: HistoryEvent;
  last: boolean;
  labelOf: (field: string) => string;
  itemLabel?: (id: string) => string | undefined;
  renderDetails?: (event: HistoryEvent) => ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1.5 }} data-testid="history-event">
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
        <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: dotColour(event), flexShrink: 0 }} />
        {last ? null : <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', my: 0.5 }} />}
      </Box>
      <Box sx={{ pb: last ? 0 : 2.5, minWidth: 0, flexGrow: 1 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
          <Typography variant="subtitle2" component="span">
            {translate(`app.action.${event.action}`, { _: event.action })}
          </Typography>
          <Transition event={event} />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {event.actorName ?? translate('app.history.system')} · <When at={event.at} />
        </Typography>
        {text(event.comment) ? (
          <Typography
            variant="body2"
            sx={{ mt: 0.75, pl: 1.5, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            data-testid="history-comment"
          >
            {event.comment}
          </Typography>
        ) : null}
        <EventData event={event} labelOf={labelOf} itemLabel={itemLabel} />
        {renderDetails?.(event)}
      </Box>
    </Box>
  );
}

function Transition({ event }: { event: HistoryEvent }) {
  if (!event.fromState && !event.toState) return null;
  if (event.fromState === event.toState) return <StateChip state={event.toState} entity={event.entityType} />;
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {event.fromState ? <StateChip state={event.fromState} entity={event.entityType} /> : null}
      {event.fromState && event.toState ? <ArrowForwardIcon fontSize="small" color="action" /> : null}
      {event.toState ? <StateChip state={event.toState} entity={event.entityType} /> : null}
    </Box>
  );
}

/** The exact time in China (as everywhere in the app), with "3 天前 / 3 days ago" beside it. */
export function When({ at }: { at: string }) {
  const [locale] = useLocaleState();
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <span>{at}</span>;
  const exact = formatInstant(date, locale);
  const relative = formatDistanceToNow(date, { addSuffix: true, locale: locale === 'en' ? enUS : zhCN });
  return (
    <Tooltip title={relative}>
      <time dateTime={at}>
        {exact} ({relative})
      </time>
    </Tooltip>
  );
}

/** What an event's data says that matters to a reader: comments by field, decisions, dates, findings. */
function EventData({ event, labelOf, itemLabel }: { event: HistoryEvent; labelOf: (field: string) => string; itemLabel?: (id: string) => string | undefined }) {
  const translate = useTranslate();
  const data = isRecord(event.data) ? event.data : {};
  const rows: { key: string; label: string; value: ReactNode }[] = [];

  const decision = text(data.decision);
  if (decision) rows.push({ key: 'decision', label: translate('app.action.decide'), value: translate(`app.action.${decision}`, { _: decision }) });

  const on = text(data.on) ?? text(data.signedOn) ?? text(data.plaqueOn) ?? text(data.inspectionPassedOn);
  if (on) rows.push({ key: 'on', label: translate('app.history.on'), value: on });
  const place = text(data.place) ?? text(data.plaquePlace);
  if (place) rows.push({ key: 'place', label: translate('app.history.place'), value: place });

  if (isRecord(data.checklist)) {
    const confirmed = Object.entries(data.checklist).filter(([, v]) => v === true).map(([k]) => translate(`app.history.check.${k}`, { _: k }));
    if (confirmed.length) rows.push({ key: 'checklist', label: translate('app.history.checklist'), value: confirmed.join('；') });
  }

  // fail_inspection records the whole list of findings; the event is about the newest.
  const findings = Array.isArray(data.inspectionFindings) ? data.inspectionFindings : [];
  const latest = findings.length && isRecord(findings[findings.length - 1]) ? (findings[findings.length - 1] as Record<string, unknown>) : undefined;
  const missing = (Array.isArray(data.missing) ? data.missing : Array.isArray(latest?.missing) ? latest!.missing as unknown[] : [])
    .map(text).filter((m): m is string => !!m);
  if (!on && latest && text(latest.on)) rows.push({ key: 'on', label: translate('app.history.on'), value: text(latest.on)! });

  const fieldComments = isRecord(data.fieldComments)
    ? Object.entries(data.fieldComments).map(([f, c]) => [f, text(c)] as const).filter((e): e is readonly [string, string] => !!e[1])
    : [];
  const decisions = isRecord(data.planItemDecisions) ? Object.entries(data.planItemDecisions) : [];

  if (!rows.length && !missing.length && !fieldComments.length && !decisions.length) return null;
  return (
    <Box sx={{ mt: 0.75, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {rows.map((r) => (
        <Typography key={r.key} variant="body2">
          <Box component="span" sx={{ color: 'text.secondary' }}>{r.label}：</Box>
          {r.value}
        </Typography>
      ))}
      {missing.length ? (
        <Box>
          <Typography variant="body2" color="text.secondary">{translate('app.history.missing')}：</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {missing.map((m, i) => <Typography component="li" variant="body2" key={i}>{m}</Typography>)}
          </Box>
        </Box>
      ) : null}
      {fieldComments.length ? (
        <Box data-testid="history-field-comments">
          <Typography variant="body2" color="text.secondary">{translate('app.history.field_comments')}：</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {fieldComments.map(([field, comment]) => (
              <Typography component="li" variant="body2" key={field}>
                <Box component="span" sx={{ fontWeight: 500 }}>{labelOf(field)}</Box>：{comment}
              </Typography>
            ))}
          </Box>
        </Box>
      ) : null}
      {decisions.length ? (
        <Box>
          <Typography variant="body2" color="text.secondary">{translate('app.history.plan_item_decisions')}：</Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.25 }}>
            {decisions.map(([id, approved]) => (
              <Chip
                key={id}
                size="small"
                variant="outlined"
                color={approved ? 'success' : 'error'}
                label={`${itemLabel?.(id) ?? translate('app.history.item', { id })}：${translate(approved ? 'app.history.approved' : 'app.history.declined')}`}
              />
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}

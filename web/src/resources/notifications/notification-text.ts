import { useTranslate } from 'react-admin';
import { resourceOfEntity } from '../../components/audit/entity-links';

/** A notification as GET /api/notifications answers it (server/src/modules/notifications). */
export interface Notification {
  id: number;
  kind: string;
  entityType: string;
  entityId: number;
  params: Record<string, unknown> | null;
  readAt: string | null;
  createdAt: string;
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * A notification in words: the kind's sentence ("大区退回了申报 #12") in the UI language, with the
 * record's number and what the params say (tier, year, deadline, project, subject). A kind the UI
 * does not know yet still reads as "申报 #12 有新动态".
 */
export function useNotificationText() {
  const translate = useTranslate();
  return (n: Notification) => {
    const p = n.params ?? {};
    const entity = translate(`app.entity.${n.entityType}`, { _: n.entityType });
    const args = {
      id: n.entityId,
      entity,
      tier: p.tier ? translate(`app.tier.${str(p.tier)}`, { _: str(p.tier) }) : '',
      year: str(p.year),
      deadline: str(p.deadline),
      project: str(p.project),
      subject: str(p.subject),
      school: str(p.schoolName),
      // An exam session's (issue 18): its title and date, a school's candidates and passes.
      title: str(p.title),
      examOn: str(p.examOn),
      passed: str(p.passed),
      candidates: str(p.candidates),
    };
    const [group, ...rest] = n.kind.split('.');
    const generic = translate('app.notification.generic', args);
    // The server's kinds are "<record>.<action>"; older ones (the demo data's) are one word.
    const key = rest.length ? `app.notification.kinds.${group}.${rest.join('_')}` : `app.notification.kinds.other.${group}`;
    const said = translate(key, { ...args, _: generic });
    // Every notification names its school (the server adds its name, issue 17 item 7), unless its sentence does already.
    const text = args.school && !said.includes(args.school) ? translate('app.notification.with_school', { school: args.school, text: said }) : said;
    const comment = str(p.comment).trim();
    return { text, comment: comment || undefined };
  };
}

/** Where a notification leads: the record's show page (application → /applications/12/show). */
export function notificationPath(n: Pick<Notification, 'entityType' | 'entityId'>) {
  return `/${resourceOfEntity(n.entityType)}/${n.entityId}/show`;
}

import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { useGetList, useTranslate } from 'react-admin';
import { FieldComment, SectionComments } from './ReviewComments';
import { Section } from './PlanSections';
import type { CatalogueCourse } from './PlanSections';
import { editedKinds, type Application, type PlanItem, type PlanItemKind } from './plan-model';

const fieldLabel = (key: string) => `resources.applications.fields.${key}`;

function Value({ label, children, path }: { label: string; children: ReactNode; path?: string }) {
  const translate = useTranslate();
  const empty = children === undefined || children === null || children === '';
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="div">{translate(label)}</Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {empty ? '—' : children}
      </Typography>
      {path ? <FieldComment path={path} /> : null}
    </Box>
  );
}

function YesNo({ value }: { value: boolean | undefined }) {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {value ? <CheckCircleOutlineIcon fontSize="small" color="success" /> : <RadioButtonUncheckedIcon fontSize="small" color="disabled" />}
      {translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}
    </Box>
  );
}

/** HQ's decision on an item that needs platform support: approved, declined or still open. */
export function SupportChip({ item }: { item: Pick<PlanItem, 'needsPlatformSupport' | 'approved'> }) {
  const translate = useTranslate();
  if (!item.needsPlatformSupport) return <Typography variant="body2" color="text.secondary">—</Typography>;
  if (item.approved === true) return <Chip size="small" color="success" label={translate('resources.applications.support.approved')} />;
  if (item.approved === false) return <Chip size="small" color="error" label={translate('resources.applications.support.declined')} />;
  return <Chip size="small" color="warning" variant="outlined" label={translate('resources.applications.support.pending')} />;
}

/** An item's details in words: "王芳 · 1XJS2023000123 · 中级", "每人 160 小时 · 300 名学生". */
export function useItemDetails(catalogue: CatalogueCourse[]) {
  const translate = useTranslate();
  return (item: PlanItem): string => {
    const d = item.details ?? {};
    const parts: string[] = [];
    switch (item.kind) {
      case 'instructor':
        if (d.certNo) parts.push(`${translate('resources.applications.fields.item.certNo')} ${d.certNo}`);
        if (d.level) parts.push(translate(`resources.applications.level.${d.level}`, { _: String(d.level) }));
        break;
      case 'teaching_resource': {
        const course = catalogue.find((c) => c.id === Number(d.courseId));
        if (course) parts.push(translate(`resources.applications.course_kind.${course.kind}`, { _: course.kind }));
        if (course?.classHours) parts.push(`${course.classHours} ${translate('app.unit.hours', { smart_count: course.classHours })}`);
        break;
      }
      case 'practice_project':
        if (d.hoursPerStudent != null) parts.push(translate('resources.applications.details.hours_per_student', { n: d.hoursPerStudent }));
        if (d.students != null) parts.push(translate('resources.applications.details.students', { n: d.students, smart_count: d.students }));
        break;
      case 'job_fair':
        if (d.plannedMonth != null) parts.push(translate('resources.applications.month', { month: d.plannedMonth }));
        if (d.employers != null) parts.push(translate('resources.applications.details.employers', { n: d.employers, smart_count: d.employers }));
        break;
      case 'target':
        if (d.value != null) parts.push(String(d.value));
        break;
    }
    if (typeof d.description === 'string' && d.description.trim()) parts.push(d.description.trim());
    return parts.join(' · ');
  };
}

const itemSectionPath: Record<PlanItemKind, string> = {
  instructor: 'plan.instructors',
  teaching_resource: 'plan.teachingResources',
  practice_project: 'plan.practiceProjects',
  job_fair: 'plan.jobFairs',
  target: 'plan.targets',
};

/** The plan items, one table per kind, with HQ's decision on each that needs platform support. */
export function PlanItemsView({ items }: { items: PlanItem[] }) {
  const translate = useTranslate();
  const { data: catalogue = [] } = useGetList<CatalogueCourse>('courses', {
    filter: { catalogue: true },
    sort: { field: 'title', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  const detailsOf = useItemDetails(catalogue);
  return (
    <Section id="items" title="resources.applications.sections.items">
      <SectionComments prefix="planItems" />
      {editedKinds.map((kind) => {
        const rows = items.filter((i) => i.kind === kind);
        return (
          <Box key={kind} sx={{ mb: 2 }} data-testid={`items-${kind}`}>
            <Typography variant="subtitle2">{translate(`resources.applications.item_kind.${kind}`)} ({rows.length})</Typography>
            <SectionComments prefix={itemSectionPath[kind]} />
            {rows.length ? (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: '40%' }}>{translate('resources.applications.fields.item.title')}</TableCell>
                    <TableCell>{translate('resources.applications.fields.item.details')}</TableCell>
                    <TableCell sx={{ width: 160 }}>{translate('resources.applications.fields.item.needsPlatformSupport')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((item) => (
                    <TableRow key={item.id ?? item.title}>
                      <TableCell>{item.title}</TableCell>
                      <TableCell>{detailsOf(item) || '—'}</TableCell>
                      <TableCell><SupportChip item={item} /></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Typography variant="body2" color="text.secondary">—</Typography>
            )}
          </Box>
        );
      })}
    </Section>
  );
}

const percent = (v: number | null | undefined) => (v == null ? undefined : `${Math.round(v * 10000) / 100}%`);

/** The plan read-only, with reviewers' comments beside what they are about. */
export function PlanView({ record }: { record: Application }) {
  const translate = useTranslate();
  const plan = record.plan ?? {};
  const q = plan.qualifications ?? {};
  const t = plan.targets ?? {};
  return (
    <>
      <Section id="contact" title="resources.applications.sections.contact">
        <SectionComments prefix="plan.contact" />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}><Value label={fieldLabel('plan.contact.name')} path="plan.contact.name">{plan.contact?.name}</Value></Grid>
          <Grid size={{ xs: 12, sm: 4 }}><Value label={fieldLabel('plan.contact.phone')} path="plan.contact.phone">{plan.contact?.phone}</Value></Grid>
          <Grid size={{ xs: 12, sm: 4 }}><Value label={fieldLabel('plan.contact.email')}>{plan.contact?.email}</Value></Grid>
        </Grid>
      </Section>
      <Section id="qualifications" title="resources.applications.sections.qualifications">
        <SectionComments prefix="plan.qualifications" />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Value label={fieldLabel('plan.qualifications.cbecDisciplineBase')} path="plan.qualifications.cbecDisciplineBase"><YesNo value={q.cbecDisciplineBase} /></Value>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Value label={fieldLabel('plan.qualifications.talentTrainingValued')} path="plan.qualifications.talentTrainingValued"><YesNo value={q.talentTrainingValued} /></Value>
          </Grid>
        </Grid>
        <Value label={fieldLabel('plan.qualifications.longTermPlan')} path="plan.qualifications.longTermPlan">{q.longTermPlan}</Value>
        {q.disciplineDescription ? (
          <Value label={fieldLabel('plan.qualifications.disciplineDescription')} path="plan.qualifications.disciplineDescription">{q.disciplineDescription}</Value>
        ) : null}
      </Section>
      <Section id="summary" title="resources.applications.sections.summary">
        <SectionComments prefix="plan.summary" />
        <Value label={fieldLabel('plan.summary')}>{plan.summary}</Value>
      </Section>
      <Section id="targets" title="resources.applications.sections.targets">
        <SectionComments prefix="plan.targets" />
        <Grid container spacing={2}>
          <Grid size={{ xs: 6, md: 'grow' }}><Value label={fieldLabel('plan.targets.certificates1x')} path="plan.targets.certificates1x">{t.certificates1x}</Value></Grid>
          <Grid size={{ xs: 6, md: 'grow' }}><Value label={fieldLabel('plan.targets.certificatesOperator')} path="plan.targets.certificatesOperator">{t.certificatesOperator}</Value></Grid>
          <Grid size={{ xs: 6, md: 'grow' }}><Value label={fieldLabel('plan.targets.jobPlatformRate')} path="plan.targets.jobPlatformRate">{percent(t.jobPlatformRate)}</Value></Grid>
          <Grid size={{ xs: 6, md: 'grow' }}><Value label={fieldLabel('plan.targets.practiceHoursPerStudent')} path="plan.targets.practiceHoursPerStudent">{t.practiceHoursPerStudent}</Value></Grid>
          <Grid size={{ xs: 6, md: 'grow' }}><Value label={fieldLabel('plan.targets.studentsPerYear')} path="plan.targets.studentsPerYear">{t.studentsPerYear}</Value></Grid>
        </Grid>
      </Section>
      <Section id="plans" title="resources.applications.sections.practice_and_fairs">
        <SectionComments prefix="plan.practicePlan" />
        <SectionComments prefix="plan.jobFairPlan" />
        <Value label={fieldLabel('plan.practicePlan')}>{plan.practicePlan}</Value>
        <Value label={fieldLabel('plan.jobFairPlan')}>{plan.jobFairPlan}</Value>
      </Section>
      <PlanItemsView items={record.planItems ?? []} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        <YesNo value={record.pledge} /> {translate('resources.applications.form.pledge', { tier: translate(`app.tier.${record.tier}`) })}
      </Typography>
    </>
  );
}

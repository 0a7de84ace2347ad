import { renderMail, type MailContent } from '../render-mail.js';
import { publicUrl } from '../public-url.js';
import type { DigestItem } from './digest-items.js';

type Lang = 'zh' | 'en';
const lang = (locale: string | null | undefined): Lang => (locale === 'en' ? 'en' : 'zh');

/** Items listed per section; the rest are counted. */
const SHOWN = 20;

const words = {
  zh: {
    subject: (n: number) => `校企合作平台每日待办：${n} 项`,
    hello: (name: string) => `${name}，您好：`,
    intro: (today: string) => `截至 ${today}，以下事项等待您处理：`,
    sections: { review: '申报审核与修改', signing: '签约、揭牌与验收', decision: '待决定的评审', deadline: '30 天内到期的整改' },
    more: (n: number) => `……另有 ${n} 项`,
    tier: { industry_college: '产业学院', talent_base: '人才基地', pilot_1x: '1+X试点院校', partner_school: '阿里认证合作院校' } as Record<string, string>,
    state: {
      pending_regional: '待大区审核', pending_hq: '待总部审核', returned: '已退回，待学校修改后重新提交',
      pending_signing: '待签约', pending_plaque: '待揭牌', pending_inspection: '待验收',
    } as Record<string, string>,
    evaluation: (year: number | null, kind: string) => (kind === 'final' ? `第 ${year} 年度终审` : `第 ${year} 年度评审`),
    deadline: (d: string, today: string) => `整改期限 ${d}${d < today ? '（已逾期）' : ''}`,
    sep: ' · ',
    open: '打开校企合作平台',
    optOut: '不想再收到每日待办邮件？登录后在右上角的用户菜单中关闭“每日待办邮件”即可。',
  },
  en: {
    subject: (n: number) => `Campus Partner: ${n} item${n === 1 ? '' : 's'} waiting for you`,
    hello: (name: string) => `Hello ${name},`,
    intro: (today: string) => `As of ${today}, these are waiting for you:`,
    sections: { review: 'Applications to review or revise', signing: 'Signing, plaque ceremonies and inspections', decision: 'Evaluations to decide', deadline: 'Rectification deadlines within 30 days' },
    more: (n: number) => `… and ${n} more`,
    tier: { industry_college: 'Industry College', talent_base: 'Talent Base', pilot_1x: '1+X Pilot School', partner_school: 'Certified Partner School' } as Record<string, string>,
    state: {
      pending_regional: 'awaiting the regional review', pending_hq: 'awaiting the HQ review', returned: 'returned to the school for revision',
      pending_signing: 'to be signed', pending_plaque: 'plaque ceremony pending', pending_inspection: 'inspection pending',
    } as Record<string, string>,
    evaluation: (year: number | null, kind: string) => (kind === 'final' ? `final review (year ${year})` : `evaluation of year ${year}`),
    deadline: (d: string, today: string) => `rectification due ${d}${d < today ? ' (overdue)' : ''}`,
    sep: ' · ',
    open: 'Open Campus Partner',
    optOut: 'Rather not receive this daily mail? Sign in and turn off "Daily digest" in the user menu (top right).',
  },
};

/** The daily digest of one user: a section per kind of waiting item, in the user's language (zh default). */
export function digestMail(locale: string | null | undefined, name: string, items: DigestItem[], today: string): MailContent {
  const w = words[lang(locale)];
  const line = (i: DigestItem) => {
    const school = lang(locale) === 'en' && i.schoolNameEn ? i.schoolNameEn : i.schoolName;
    const what = i.kind === 'decision' ? w.evaluation(i.year, i.state)
      : i.kind === 'deadline' ? w.deadline(i.deadline ?? '', today)
        : w.state[i.state] ?? i.state;
    return `- ${[school, w.tier[i.tier] ?? i.tier, what].join(w.sep)}`;
  };
  const sections = (['review', 'signing', 'decision', 'deadline'] as const).flatMap((kind) => {
    const of = items.filter((i) => i.kind === kind);
    if (!of.length) return [];
    const lines = of.slice(0, SHOWN).map(line);
    if (of.length > SHOWN) lines.push(w.more(of.length - SHOWN));
    return [`${w.sections[kind]} (${of.length})\n${lines.join('\n')}`];
  });
  return renderMail({
    subject: w.subject(items.length),
    paragraphs: [w.hello(name), w.intro(today), ...sections, w.optOut],
    link: { label: w.open, url: publicUrl('/') },
  });
}

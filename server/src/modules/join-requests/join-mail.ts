import { renderMail, type MailContent } from '../mail/render-mail.js';

type Lang = 'zh' | 'en';
const lang = (locale: string | null | undefined): Lang => (locale === 'en' ? 'en' : 'zh');

interface Requester { contactName: string; schoolName: string }

/** The link that confirms the requester's e-mail address (the request waits for the region only after it). */
export function joinConfirmMail(locale: string | null | undefined, r: Requester, url: string, validHours: number): MailContent {
  if (lang(locale) === 'en') {
    return renderMail({
      subject: 'Confirm your request to join the college partnership programme',
      paragraphs: [
        `Hello ${r.contactName},`,
        `We have received a request for ${r.schoolName} to join the college partnership programme, with this e-mail address as its contact.`,
        `Open the link below to confirm the address; only then does the request go to the programme staff of your region. The link is valid for ${validHours} hours.`,
        'If you did not send this request, ignore this mail: nothing further happens.',
      ],
      link: { label: 'Confirm my e-mail address', url },
    });
  }
  return renderMail({
    subject: '请确认您的校企合作项目加入申请',
    paragraphs: [
      `${r.contactName}，您好：`,
      `我们收到了“${r.schoolName}”加入跨境电商校企合作项目的申请，联系邮箱为本邮箱。`,
      `请打开下面的链接确认邮箱；确认后，申请才会提交给您所在大区的项目人员审核。链接 ${validHours} 小时内有效。`,
      '如果这不是您提交的申请，请忽略本邮件，不会有任何后续。',
    ],
    link: { label: '确认邮箱', url },
  });
}

/** The staff's decision to decline, with their reason. */
export function joinDeclinedMail(locale: string | null | undefined, r: Requester, reason: string): MailContent {
  if (lang(locale) === 'en') {
    return renderMail({
      subject: 'Your request to join the college partnership programme',
      paragraphs: [
        `Hello ${r.contactName},`,
        `Thank you for the request for ${r.schoolName} to join the college partnership programme. The programme staff have declined it, for this reason:`,
        reason,
        'You are welcome to send a new request once the reason no longer applies.',
      ],
    });
  }
  return renderMail({
    subject: '关于您的校企合作项目加入申请',
    paragraphs: [
      `${r.contactName}，您好：`,
      `感谢“${r.schoolName}”申请加入跨境电商校企合作项目。经项目人员审核，本次申请未能通过，理由如下：`,
      reason,
      '待上述情况改变后，欢迎再次提交申请。',
    ],
  });
}

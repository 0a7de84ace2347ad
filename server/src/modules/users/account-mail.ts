import { renderMail, type MailContent } from '../mail/render-mail.js';

type Lang = 'zh' | 'en';
const lang = (locale: string | null | undefined): Lang => (locale === 'en' ? 'en' : 'zh');

const hours = (ms: number) => Math.round(ms / 3600_000);
const days = (ms: number) => Math.round(ms / 86_400_000);

/** The invitation to a new account: who it is for, the role, the link that sets the first password. */
export function invitationMail(locale: string | null | undefined, to: { name: string; email: string }, url: string, validMs: number): MailContent {
  if (lang(locale) === 'en') {
    return renderMail({
      subject: 'Your Campus Partner account',
      paragraphs: [
        `Hello ${to.name},`,
        `An account on Campus Partner, the college partnership programme, has been created for you (${to.email}).`,
        `Open the link below to choose your password. It can be used once and is valid for ${days(validMs)} days; if it has expired, ask your administrator to send a new invitation.`,
      ],
      link: { label: 'Set my password', url },
    });
  }
  return renderMail({
    subject: '您的校企合作平台账号',
    paragraphs: [
      `${to.name}，您好：`,
      `已为您（${to.email}）开通校企合作项目平台账号。`,
      `请打开下面的链接设置密码。链接只能使用一次，${days(validMs)} 天内有效；过期后请联系管理员重新发送邀请。`,
    ],
    link: { label: '设置密码', url },
  });
}

/** A password reset someone asked for (or an operator issued): the link and how long it lasts. */
export function resetMail(locale: string | null | undefined, to: { name: string }, url: string, validMs: number): MailContent {
  if (lang(locale) === 'en') {
    return renderMail({
      subject: 'Reset your Campus Partner password',
      paragraphs: [
        `Hello ${to.name},`,
        `Someone asked to reset the password of your Campus Partner account. Open the link below to choose a new one; it can be used once and is valid for ${hours(validMs)} hour(s). Setting a new password signs you out everywhere.`,
        'If you did not ask for this, ignore this mail: your password stays as it is.',
      ],
      link: { label: 'Choose a new password', url },
    });
  }
  return renderMail({
    subject: '重置校企合作平台密码',
    paragraphs: [
      `${to.name}，您好：`,
      `有人申请重置您的校企合作平台账号密码。请打开下面的链接设置新密码；链接只能使用一次，${hours(validMs)} 小时内有效。设置新密码后，所有已登录的设备都会退出。`,
      '如果不是您本人申请，请忽略本邮件，您的密码不会改变。',
    ],
    link: { label: '设置新密码', url },
  });
}

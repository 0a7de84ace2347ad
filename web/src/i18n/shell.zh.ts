import { raChineseMessages } from './ra-zh';

/**
 * What the sign-in page shows, in Chinese: the only catalogue in the first download (issue 16 item 4). The
 * rest (every screen's labels, the problem codes) comes with the first screen, or a refused sign-in, from
 * zh.ts, which spreads these into its own. shell.en.ts has exactly the same keys.
 */
export const shellZhApp = {
  title: '校企合作管理平台',
  subtitle: '阿里巴巴国际站 · 院校合作项目',
  login: {
    intro: '请使用平台分配的账号登录。',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    failed: '登录失败',
    throttled: '尝试次数过多',
    email_required: '请输入邮箱',
    password_required: '请输入密码',
    join_link: '学校尚未加入？申请加入项目',
    check_link: '证书查询',
  },
  account: {
    forgot_link: '忘记密码？',
  },
  a11y: {
    page_error: '页面出错',
  },
};

export const shellZh = { ...raChineseMessages, app: shellZhApp };

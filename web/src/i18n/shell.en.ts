import englishMessages from 'ra-language-english';
import { enUS } from '@mui/material/locale';
import type { shellZhApp } from './shell.zh';

/** What the sign-in page shows, in English (see shell.zh.ts); loaded when English is chosen, with MUI's English words. */
export const shellEnApp: typeof shellZhApp = {
  title: 'Campus Partner',
  subtitle: 'Alibaba.com college partnership programme',
  login: {
    intro: 'Sign in with the account the platform gave you.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Sign-in failed',
    throttled: 'Too many attempts',
    email_required: 'Enter your email',
    password_required: 'Enter your password',
    join_link: 'School not in the programme yet? Ask to join',
    check_link: 'Verify a certificate',
  },
  account: {
    forgot_link: 'Forgot your password?',
  },
  a11y: {
    page_error: 'Something went wrong',
  },
};

export const shellEn = { ...englishMessages, app: shellEnApp };
export const muiEn = enUS;

/**
 * react-admin's pages for rare states (a crash, no access, an unknown address, an auth callback) and its
 * notification bar: a chunk of their own, loaded when first shown (layout/Admin.tsx), not with the sign-in page.
 */
export { AccessDenied, AuthCallback, AuthenticationError, Error, NotFound, Notification } from 'react-admin';

import type { AuthProvider, UserIdentity } from 'react-admin';
import { HttpError } from 'react-admin';
import { httpClient } from './httpClient';
import type { Role, SignedInUser } from '@campus/common';
import type { ResourceAction } from './permissions';

/** GET /api/auth/me: the signed-in user, role and scope (the shared record type). */
export type Me = SignedInUser;

export interface LoginParams {
  email?: string;
  username?: string;
  password: string;
}

/**
 * Session auth over the httpOnly cookie `cp_session`. The user is read from /api/auth/me once and
 * cached until login, logout or a 401; every check below reads that cache.
 */
export function createAuthProvider(apiUrl = '/api'): AuthProvider & { getMe(): Promise<Me> } {
  let me: Promise<Me> | undefined;

  const fetchMe = () => {
    me ??= httpClient(`${apiUrl}/auth/me`).then(({ json }) => json as Me);
    me.catch(() => {
      me = undefined;
    });
    return me;
  };
  const currentRole = async (): Promise<Role | undefined> => {
    try {
      return (await fetchMe()).role;
    } catch {
      return undefined;
    }
  };

  return {
    getMe: fetchMe,

    async login({ email, username, password }: LoginParams) {
      me = undefined;
      // The server's message says what is wrong (bad credentials, or how long to wait when throttled).
      const { json } = await httpClient(`${apiUrl}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email: (email ?? username ?? '').trim(), password }),
      });
      // The login answer is the user (without the scope, which the UI does not need).
      me = Promise.resolve(json as Me);
    },

    async logout() {
      me = undefined;
      try {
        await httpClient(`${apiUrl}/auth/logout`, { method: 'POST' });
      } catch {
        // Signing out locally is what matters; the cookie is cleared or will expire.
      }
    },

    async checkAuth() {
      try {
        await fetchMe();
      } catch (error) {
        // No session yet: go to the login page without a "please sign in" toast.
        throw { message: false, status: (error as HttpError).status };
      }
    },

    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        me = undefined;
        throw error;
      }
      // 403 and the rest are shown where they happen; they do not end the session.
    },

    async getIdentity(): Promise<UserIdentity> {
      const user = await fetchMe();
      return { id: user.id, fullName: user.name, email: user.email, role: user.role, schoolId: user.schoolId, regionIds: user.regionIds, providerId: user.providerId };
    },

    async getPermissions() {
      return currentRole();
    },

    async canAccess({ resource, action }: { resource: string; action: string }) {
      // The access rules (and @campus/common) are not part of the sign-in page's download.
      const [{ canAccess }, role] = await Promise.all([import('./permissions'), currentRole()]);
      return canAccess(role, resource, action as ResourceAction);
    },
  };
}

export const authProvider = createAuthProvider();

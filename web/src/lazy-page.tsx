import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { loadMessages } from './i18n';

/**
 * A screen loaded when first shown (its own chunk in the build), from a module's named export:
 * `lazyPage(() => import('./SchoolList'), 'SchoolList')`. So the sign-in page and the dashboard do
 * not download every screen of the app. Rendered under a <Suspense>: react-admin's layout has one
 * around its pages; a page outside the layout is wrapped with `suspended`. A page also waits for the UI language's
 * full catalogue, which the sign-in page does without (i18n/index.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadMessages()]);
    return { default: module[name] };
  });
}

/** The component under its own <Suspense>, showing nothing until its code has arrived. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function suspended<C extends ComponentType<any>>(Component: C) {
  function Suspended(props: ComponentProps<C>) {
    return (
      <Suspense fallback={null}>
        <Component {...props} />
      </Suspense>
    );
  }
  return Suspended;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useDataProvider } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { detailsOf, isConflict } from '../../components/problem/parse-problem';
import { useTranslateProblem } from '../../components/problem/translate-problem';
import { rememberApplication, trackSave } from './application-cache';
import type { Application, PlanFormValues, SavePayload } from './plan-model';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'error' | 'conflict';

export interface SaveState {
  status: SaveStatus;
  savedAt?: Date;
  error?: unknown;
}

export interface Autosave {
  state: SaveState;
  /** The version the next save or action sends: the last one the server answered. */
  version: () => number;
  /** Saves now what is unsaved (waits for a save under way); false when it could not be saved. */
  flush: () => Promise<boolean>;
  /**
   * After a 409: take the latest version from the server and save over it the form's values as
   * `merge` makes them from what the server last confirmed to this form and what is in the form now.
   */
  overwrite: (latest: Application, merge: (confirmed: PlanFormValues, mine: PlanFormValues) => PlanFormValues) => Promise<boolean>;
}

const unsavedStates: SaveStatus[] = ['dirty', 'saving', 'invalid', 'error', 'conflict'];

/**
 * Saves the draft as the school types: a PUT with the current version a moment after the last
 * change, one at a time, each with the version the previous one answered. A 409 stops saving and
 * keeps what was typed (the form is only reset when the school asks to overwrite); a 400 puts the
 * server's messages under the fields. Every saved record goes into react-admin's cache (so that no
 * screen shows an older version). Leaving the page saves what is pending, after a save under way,
 * and opening the application again waits for it; the browser warns before closing a tab with unsaved
 * changes.
 */
export function useAutosave({ id, initialVersion, build, onSaved, delay = 1000 }: {
  id: Application['id'];
  initialVersion: number;
  build: (values: PlanFormValues) => SavePayload;
  onSaved?: (saved: Application) => void;
  delay?: number;
}): Autosave {
  const { watch, getValues, trigger, setError, reset } = useFormContext<PlanFormValues>();
  // Read through a ref: a new translate (another locale) must not make a new save, which would
  // count as leaving the page.
  const translateProblem = useTranslateProblem();
  const say = useRef(translateProblem);
  say.current = translateProblem;
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ status: 'idle' });

  const version = useRef(initialVersion);
  const buildRef = useRef(build);
  buildRef.current = build;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const lastSaved = useRef(JSON.stringify(build(getValues())));
  /** The form's values as the server last confirmed them (opened or saved): the base of an overwrite. */
  const confirmed = useRef<PlanFormValues>(structuredClone(getValues()));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);
  /** False once the form is left: nothing more is scheduled from it (the leaving save takes what is pending). */
  const live = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // save and schedule call each other: save reaches the current schedule through this ref.
  const scheduleRef = useRef<() => void>(() => undefined);
  const statusRef = useRef<SaveStatus>('idle');
  statusRef.current = state.status;

  const currentJson = useCallback(() => JSON.stringify(buildRef.current(getValues())), [getValues]);

  // The baseline is the form once its inputs have registered (they run their effects first), so
  // that opening the form saves nothing.
  useEffect(() => {
    lastSaved.current = currentJson();
    confirmed.current = structuredClone(getValues());
  }, [currentJson, getValues]);

  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (!(await trigger())) {
      setState((s) => ({ ...s, status: 'invalid' }));
      return false;
    }
    const values = structuredClone(getValues());
    const payload = buildRef.current(values);
    const json = JSON.stringify(payload);
    if (json === lastSaved.current) {
      setState((s) => (s.status === 'dirty' || s.status === 'invalid' || s.status === 'error' ? { ...s, status: s.savedAt ? 'saved' : 'idle', error: undefined } : s));
      return true;
    }
    setState((s) => ({ ...s, status: 'saving' }));
    const attempt = (async () => {
      try {
        const { data } = await dataProvider.update<Application>('applications', {
          id,
          data: { ...payload, version: version.current },
          previousData: { id },
        });
        version.current = data.version;
        lastSaved.current = json;
        confirmed.current = values;
        rememberApplication(queryClient, data);
        onSavedRef.current?.(data);
        const again = currentJson() !== json;
        setState({ status: again ? 'dirty' : 'saved', savedAt: new Date() });
        return true;
      } catch (error) {
        if (isConflict(error)) {
          blocked.current = true;
          setState((s) => ({ ...s, status: 'conflict', error }));
        } else {
          for (const p of detailsOf(error)) {
            if (p.field && p.field !== 'version' && p.message) setError(p.field as never, { type: 'server', message: say.current(p) });
          }
          setState((s) => ({ ...s, status: 'error', error }));
        }
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = attempt;
    trackSave(id, attempt);
    const ok = await attempt;
    // What was typed while this save was under way goes in the next one.
    if (ok && currentJson() !== lastSaved.current) scheduleRef.current();
    return ok;
  }, [dataProvider, queryClient, getValues, id, setError, trigger, currentJson]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    if (blocked.current || !live.current) return;
    if (currentJson() === lastSaved.current) return;
    setState((s) => (s.status === 'saving' ? s : { ...s, status: 'dirty' }));
    timer.current = setTimeout(() => void save(), delay);
  }, [currentJson, delay, save]);
  scheduleRef.current = schedule;

  useEffect(() => {
    const subscription = watch(() => {
      if (blocked.current) {
        // Still keep track that there is more to save once the conflict is resolved.
        return;
      }
      schedule();
    });
    return () => subscription.unsubscribe();
  }, [watch, schedule]);

  // Leaving the page (another route, Back): save what is pending without holding the school here,
  // after a save under way (with the version it answers). Opening the application again waits for
  // this save (trackSave) and reads what it stored.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(timer.current);
      if (blocked.current) return;
      const payload = buildRef.current(getValues());
      const json = JSON.stringify(payload);
      if (!inFlight.current && json === lastSaved.current) return;
      const leaving = (inFlight.current ?? Promise.resolve(true)).then(async () => {
        if (blocked.current || json === lastSaved.current) return;
        const { data } = await dataProvider.update<Application>('applications', { id, data: { ...payload, version: version.current }, previousData: { id } });
        version.current = data.version;
        lastSaved.current = json;
        rememberApplication(queryClient, data);
      }).catch(() => undefined);
      trackSave(id, leaving);
    };
  }, [dataProvider, queryClient, getValues, id]);

  // Closing the tab or reloading with unsaved changes: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsavedStates.includes(statusRef.current) && currentJson() === lastSaved.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [currentJson]);

  const overwrite = useCallback<Autosave['overwrite']>(async (latest, merge) => {
    version.current = latest.version;
    // What the school changed goes over the latest version; what it did not touch is the latest's.
    reset(merge(confirmed.current, structuredClone(getValues())));
    blocked.current = false;
    lastSaved.current = '';
    setState((s) => ({ ...s, status: 'dirty', error: undefined }));
    return save();
  }, [save, reset, getValues]);

  return { state, version: () => version.current, flush: save, overwrite };
}

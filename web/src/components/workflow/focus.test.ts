import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { focusAfterAction, focusAlert } from './focus';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focus after a workflow action', () => {
  it("goes back to the action's button while it is there, and to the page's heading once the action removed it", async () => {
    document.body.innerHTML = '<main><h1>申报 #12</h1><button data-action="submit">提交</button></main>';
    const button = document.querySelector('button')!;
    // Watching for longer than the test can take on a loaded machine: the test stops it itself.
    const stop = focusAfterAction(button, { watchMs: 600_000, everyMs: 10 });
    await waitFor(() => expect(document.activeElement).toBe(button));
    // The page reloads the record: the action is no longer allowed, its button goes, focus would fall to <body>.
    button.remove();
    const heading = document.querySelector('h1')!;
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
    stop();
  });

  it('leaves focus alone once the user has moved it elsewhere', async () => {
    document.body.innerHTML = '<main><h1>申报</h1><button id="a">甲</button><input id="b" /></main>';
    const stop = focusAfterAction(document.getElementById('a'), { watchMs: 500, everyMs: 10 });
    await waitFor(() => expect(document.activeElement?.id).toBe('a'));
    (document.getElementById('b') as HTMLInputElement).focus();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement?.id).toBe('b');
    stop();
  });

  it('a refusal in a dialog gets focus, so it is read out where the user is', () => {
    document.body.innerHTML = '<div id="c"><div role="alert">有人已修改此申报</div></div>';
    focusAlert(document.getElementById('c'));
    expect(document.activeElement?.getAttribute('role')).toBe('alert');
  });
});

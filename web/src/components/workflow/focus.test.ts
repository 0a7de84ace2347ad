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

  it("an earlier page's watch ends when a newer one starts: it never moves focus on the page that followed", async () => {
    // A page whose dialog closed, then left (another page replaced it) while its watch was still running.
    document.body.innerHTML = '<main><h1>申报 #1</h1><button id="old">提交</button></main>';
    focusAfterAction(document.getElementById('old'), { watchMs: 600_000, everyMs: 5 });
    await waitFor(() => expect(document.activeElement?.id).toBe('old'));
    document.body.innerHTML = '<main><h1>协议 #2</h1><button id="new">确认</button></main>';
    const stop = focusAfterAction(document.getElementById('new'), { watchMs: 600_000, everyMs: 5 });
    await waitFor(() => expect(document.activeElement?.id).toBe('new'));
    stop();
    // Focus falls to <body> on the new page with no watch of its own: nothing may take it to the heading.
    (document.activeElement as HTMLElement).blur();
    await new Promise((r) => setTimeout(r, 100));
    expect(document.activeElement).toBe(document.body);
    expect(document.querySelector('h1')!.hasAttribute('tabindex')).toBe(false);
  });

  it('a refusal in a dialog gets focus, so it is read out where the user is', () => {
    document.body.innerHTML = '<div id="c"><div role="alert">有人已修改此申报</div></div>';
    focusAlert(document.getElementById('c'));
    expect(document.activeElement?.getAttribute('role')).toBe('alert');
  });
});

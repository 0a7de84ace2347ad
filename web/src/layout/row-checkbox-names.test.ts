import { describe, expect, it } from 'vitest';
import { nameRowCheckboxes } from './row-checkbox-names';

describe('row checkbox names', () => {
  it("moves react-admin's row checkbox name from MUI's span to the input, also for rows drawn later", async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const row = () => '<span class="select-item MuiCheckbox-root" aria-label="选择此行"><input type="checkbox" /></span>';
    root.innerHTML = row();
    const stop = nameRowCheckboxes(root);
    const first = root.querySelector('input')!;
    expect(first.getAttribute('aria-label')).toBe('选择此行');
    expect(root.querySelector('.select-item')!.hasAttribute('aria-label')).toBe(false);
    root.insertAdjacentHTML('beforeend', row());
    await new Promise((r) => setTimeout(r, 0));
    const inputs = root.querySelectorAll('input');
    expect(inputs[1].getAttribute('aria-label')).toBe('选择此行');
    expect(root.querySelectorAll('.select-item[aria-label]')).toHaveLength(0);
    stop();
    root.remove();
  });
});

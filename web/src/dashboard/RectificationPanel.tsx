/**
 * The school's rectification notice on its dashboard (deadline, KPIs to fix, progress). A
 * placeholder that renders nothing: its owner replaces this file's contents with the panel.
 */
export function RectificationPanel() {
  return null;
}

export default RectificationPanel;

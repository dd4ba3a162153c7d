/** The workspace switcher and request tree (collections on disk). */
export function WorkspaceSidebar() {
  return null;
}

import { SaveAsDialog } from '../tabs/SaveAsDialog';
import { TabStrip } from '../tabs/TabStrip';
import { UnsavedChangesDialog } from '../tabs/UnsavedChangesDialog';

/** Open requests as tabs, with the questions asked before closing and the "Save as" dialog. */
export function RequestTabs() {
  return (
    <>
      <TabStrip />
      <UnsavedChangesDialog />
      <SaveAsDialog />
    </>
  );
}

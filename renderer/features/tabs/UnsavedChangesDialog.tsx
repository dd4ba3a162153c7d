import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { isUnsaved, type RequestTab } from '../../store/tabs-slice';
import { tabTitle } from './tab-title';

/**
 * Asked before tabs with unsaved changes close (one tab or several at once): Save writes each to
 * its file (a request never saved goes through "Save as"), Don't save closes them, Cancel keeps all.
 */
export function UnsavedChangesDialog() {
  const prompt = useLantern((s) => s.closePrompt);
  const tabs = useLantern((s) => s.tabs);
  if (!prompt) return null;
  const unsaved = prompt.unsavedIds
    .map((id) => tabs.find((t) => t.id === id))
    .filter((t): t is RequestTab => t !== undefined && isUnsaved(t));
  const answer = (choice: 'save' | 'discard' | 'cancel') =>
    void useLantern.getState().answerClosePrompt(choice);
  const single = unsaved.length === 1 ? unsaved[0] : undefined;
  const isNew = (tab: RequestTab) => !tab.sourceId?.startsWith('file:');
  return (
    <Modal
      title={
        single ? `Save changes to “${tabTitle(single)}”?` : `Save changes to ${unsaved.length} requests?`
      }
      testId="unsaved-dialog"
      className="unsaved-dialog"
      onClose={() => answer('cancel')}
      footer={
        <>
          <button type="button" className="primary" data-testid="unsaved-save" onClick={() => answer('save')}>
            Save
          </button>
          <button type="button" data-testid="unsaved-discard" onClick={() => answer('discard')}>
            Don’t save
          </button>
          <ModalClose testId="unsaved-cancel">Cancel</ModalClose>
        </>
      }
    >
      <p className="unsaved-lead">
        {single
          ? 'This request has changes that are not saved. They are lost if you close it without saving.'
          : 'These requests have changes that are not saved. They are lost if you close them without saving.'}
      </p>
      <ul className="unsaved-list" data-testid="unsaved-list">
        {unsaved.map((tab) => (
          <li key={tab.id} data-testid="unsaved-item">
            <span className={`badge method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method}</span>{' '}
            <span className="unsaved-name">{tabTitle(tab)}</span>
            {isNew(tab) && <span className="hint"> — not saved yet: Save asks for a name and a place</span>}
          </li>
        ))}
      </ul>
      {prompt.tabIds.length > unsaved.length && (
        <p className="hint" data-testid="unsaved-clean-note">
          Also closing {prompt.tabIds.length - unsaved.length} tab(s) with nothing unsaved.
        </p>
      )}
    </Modal>
  );
}

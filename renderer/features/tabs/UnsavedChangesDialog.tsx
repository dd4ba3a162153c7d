import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { isUnsaved, type RequestTab } from '../../store/tabs-slice';
import { fullTabTitle, tabTitle } from './tab-title';

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
  const newCount = unsaved.filter(isNew).length;
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
            <span className="unsaved-name">{fullTabTitle(tab)}</span>
            {isNew(tab) && <span className="hint"> (new)</span>}
          </li>
        ))}
      </ul>
      {newCount > 0 && (
        <p className="hint" data-testid="unsaved-new-note">
          {newCount === unsaved.length && newCount === 1
            ? 'It has never been saved: Save asks for its name and where to put it.'
            : newCount === unsaved.length
              ? 'They have never been saved: Save asks for the name and place of each, one after the other.'
              : `${newCount} of them have never been saved (new): Save asks for the name and place of each.`}
        </p>
      )}
      {prompt.tabIds.length > unsaved.length && (
        <p className="hint" data-testid="unsaved-clean-note">
          Also closing {prompt.tabIds.length - unsaved.length} tab(s) with nothing unsaved.
        </p>
      )}
    </Modal>
  );
}

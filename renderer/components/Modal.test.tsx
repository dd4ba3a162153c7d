// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Modal, ModalClose } from './Modal';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has <dialog> but not its modal methods: these behave as the browser's do, minus the top layer.
const showModal = vi.fn(function showModal(this: HTMLDialogElement) {
  this.open = true;
});
HTMLDialogElement.prototype.showModal = showModal;
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event('close'));
};

let container: HTMLDivElement;
let root: Root;
let opener: HTMLButtonElement;
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  showModal.mockClear();
  opener = document.body.appendChild(document.createElement('button'));
  opener.focus();
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  opener.remove();
});

function render(props: { onClose?: () => void; onSubmit?: () => void } = {}) {
  act(() =>
    root.render(
      <Modal
        title="New credential"
        testId="credential-dialog"
        className="credential-dialog"
        onClose={props.onClose ?? (() => undefined)}
        {...(props.onSubmit ? { onSubmit: props.onSubmit } : {})}
        footer={
          <>
            <ModalClose testId="cancel">Cancel</ModalClose>
            <button type="submit" data-testid="save">
              Save
            </button>
          </>
        }
      >
        <input data-testid="field" />
      </Modal>,
    ),
  );
}

describe('Modal', () => {
  it('opens modally on mount, named by its title, with the test id and class it is given', () => {
    render();
    const dialog = byTestId('credential-dialog') as HTMLDialogElement;
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(true);
    expect(dialog.className).toBe('modal credential-dialog');
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('New credential');
  });

  it('a ModalClose button closes it, which calls onClose once', () => {
    const onClose = vi.fn();
    render({ onClose });
    act(() => byTestId('cancel')?.click());
    expect((byTestId('credential-dialog') as HTMLDialogElement).open).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('with onSubmit it is a form: the submit button calls it, and the dialog stays open', () => {
    const onSubmit = vi.fn();
    render({ onSubmit });
    act(() => byTestId('save')?.click());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect((byTestId('credential-dialog') as HTMLDialogElement).open).toBe(true);
  });

  it('without onSubmit nothing is a form', () => {
    render();
    expect(byTestId('credential-dialog')?.querySelector('form')).toBeNull();
  });

  it('gives focus back to what had it when it opened, even when its parent just unmounts it', () => {
    render();
    byTestId('field')?.focus();
    expect(document.activeElement).toBe(byTestId('field'));
    act(() => root.render(<></>));
    expect(document.activeElement).toBe(opener);
  });
});

import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

interface ModalProps {
  title: ReactNode;
  /** On the dialog element, for tests and page objects. */
  testId: string;
  /** The dialog's own class, for its width (e.g. `import-dialog`). */
  className?: string;
  /** Called once the dialog has closed: Esc, a `ModalClose` button, or the dialog's own `close()`. */
  onClose: () => void;
  /** Makes the dialog a form: Enter in a field and a `type="submit"` footer button call this. */
  onSubmit?: () => void;
  /** The buttons, at the bottom and always in view while the body scrolls. */
  footer: ReactNode;
  /** A list beside the title, body and footer (the environment editor's environments). */
  aside?: ReactNode;
  children: ReactNode;
}

const CloseContext = createContext<() => void>(() => undefined);

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control goes back to the first, Shift+Tab from the first to the last: a modal
 * dialog's focus never leaves it for the browser's own controls (the native dialog lets it).
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Every dialog of the app: opened modally when it mounts (the browser then focuses its first
 * field, keeps focus inside and closes it on Esc), with a title that names it, a scrolling body and
 * a footer of buttons. Focus goes back to what had it before, however the dialog goes away.
 */
export function Modal({ title, testId, className, onClose, onSubmit, footer, aside, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // What had focus when it opened (read before the dialog takes it).
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    dialog.current?.showModal();
    return () => {
      // A parent may unmount it without closing it (after Save): focus must not fall to <body>.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);
  const close = () => dialog.current?.close();
  const content = (
    <>
      <h2 className="modal-title" id={titleId}>
        {title}
      </h2>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">{footer}</div>
    </>
  );
  const frame = onSubmit ? (
    <form
      className="modal-frame"
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {content}
    </form>
  ) : (
    <div className="modal-frame">{content}</div>
  );
  return (
    <dialog
      ref={dialog}
      className={className ? `modal ${className}` : 'modal'}
      data-testid={testId}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={keepTabInside}
    >
      <CloseContext.Provider value={close}>
        {aside ? (
          <div className="modal-layout">
            {aside}
            {frame}
          </div>
        ) : (
          frame
        )}
      </CloseContext.Provider>
    </dialog>
  );
}

type ModalCloseProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> & {
  testId?: string;
};

/** A footer button that closes its dialog, as Esc does ("Cancel", "Close", "Done"). */
export function ModalClose({ testId, children, ...rest }: ModalCloseProps) {
  const close = useContext(CloseContext);
  return (
    <button type="button" data-testid={testId} onClick={close} {...rest}>
      {children}
    </button>
  );
}

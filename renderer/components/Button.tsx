import type { LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost';

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  default: '',
  primary: 'primary',
  danger: 'danger',
  ghost: 'ghost',
};

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & {
  variant?: ButtonVariant;
  /** An icon of the app's one set (lucide), before the words. */
  icon?: LucideIcon;
  testId?: string;
  children: ReactNode;
};

/** The app's button: one look in both themes, a `type` that never submits a form by accident. */
export function Button({
  variant = 'default',
  icon: Icon,
  testId,
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['btn', VARIANT_CLASS[variant], className].filter(Boolean).join(' ');
  return (
    <button type="button" data-testid={testId} className={classes} {...rest}>
      {Icon && <Icon size={14} aria-hidden="true" focusable="false" />}
      {children}
    </button>
  );
}

type IconButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> & {
  /** Its accessible name, and its tooltip: an icon alone names nothing. */
  label: string;
  icon: LucideIcon;
  testId?: string;
};

/** A button that shows only an icon; screen readers and the tooltip read `label`. */
export function IconButton({ label, icon: Icon, testId, className, title, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      data-testid={testId}
      className={['icon-button', className].filter(Boolean).join(' ')}
      aria-label={label}
      title={title ?? label}
      {...rest}
    >
      <Icon size={14} aria-hidden="true" focusable="false" />
    </button>
  );
}

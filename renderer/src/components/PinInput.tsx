import type { ReactNode } from 'react';

interface PinInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  describedBy?: string;
  autoFocus?: boolean;
}

/** A PIN field for forms: digits only, shown as dots, big. */
export function PinInput({ id, label, value, onChange, testId, describedBy, autoFocus }: PinInputProps): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
        data-testid={testId}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
      />
    </div>
  );
}

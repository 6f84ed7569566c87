import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { editableFields, type EditableField } from './editable-fields.ts';

/**
 * The on-screen keyboard of the field being edited, docked above the actions. A tap between the
 * keys must not take the focus from the field either (the keys themselves keep it), or the
 * keyboard would close under the citizen's finger.
 */
export function KeyboardDock({
  field,
  value,
  onChange,
  onDone,
}: {
  field: EditableField | null;
  value: string;
  onChange(next: string): void;
  onDone(): void;
}) {
  if (field === null) return null;
  const { layout, maxLength } = editableFields[field];
  return (
    <div
      className={`kiosk-keyboard-dock kiosk-keyboard-${layout}`}
      data-testid="keyboard-dock"
      data-field={field}
      onPointerDown={(event) => event.preventDefault()}
      onMouseDown={(event) => event.preventDefault()}
    >
      <OnScreenKeyboard
        layout={layout}
        value={value}
        onChange={onChange}
        onDone={onDone}
        maxLength={maxLength}
      />
    </div>
  );
}

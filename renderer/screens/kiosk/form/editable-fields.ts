import type { KeyboardLayout } from '../keyboard/OnScreenKeyboard.tsx';

// The form's typed fields, the keyboard each one opens, and how long each may be (the contract's
// limits; the phone leaves room for "+84 912 345 678" as people write it).

export type EditableField = 'address' | 'phone' | 'email' | 'socialInsuranceNumber';

export const editableFields: Record<EditableField, { layout: KeyboardLayout; maxLength: number }> = {
  address: { layout: 'vietnamese-text', maxLength: 500 },
  phone: { layout: 'numeric', maxLength: 16 },
  email: { layout: 'email', maxLength: 254 },
  socialInsuranceNumber: { layout: 'numeric', maxLength: 10 },
};

// Component tests of the renderer's screens (Vitest + jsdom + Testing Library): each test renders
// into a fresh document.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

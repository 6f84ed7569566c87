import { describe, expect, it } from 'vitest';
import type { Caller } from '../../preload/contract/access.ts';
import { homeRoute, routeAllowed } from './routes.ts';

const counter = (role: 'officer' | 'supervisor' | 'admin' | null): Caller => ({
  mode: 'counter',
  enrolled: true,
  session: role === null ? null : { role, locked: false, pinRequired: false },
});

describe('routes', () => {
  it('send each role to its own home', () => {
    expect(homeRoute(counter('officer'))).toEqual({ name: 'counter-home' });
    expect(homeRoute(counter('supervisor'))).toEqual({ name: 'counter-home' });
    expect(homeRoute(counter('admin'))).toEqual({ name: 'admin' });
    expect(homeRoute({ mode: 'kiosk', enrolled: true, session: null })).toEqual({ name: 'kiosk-attract' });
  });

  it('open nothing to a counter nobody is signed in to', () => {
    expect(homeRoute(counter(null))).toBeNull();
    expect(routeAllowed('counter-home', counter(null))).toBe(false);
  });

  it('keep officers out of administration and administrators out of citizens’ data', () => {
    expect(routeAllowed('admin', counter('officer'))).toBe(false);
    expect(routeAllowed('verification', counter('admin'))).toBe(false);
    expect(routeAllowed('verification', counter('officer'))).toBe(true);
  });

  it('give a kiosk only its own flow', () => {
    const kiosk: Caller = { mode: 'kiosk', enrolled: true, session: null };
    expect(routeAllowed('kiosk-attract', kiosk)).toBe(true);
    expect(routeAllowed('counter-home', kiosk)).toBe(false);
    expect(routeAllowed('admin', kiosk)).toBe(false);
  });
});

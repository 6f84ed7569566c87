// One counter's backend as a child process, so a test can kill it with SIGKILL at a chosen moment and
// then run it again on the same database file (recovery). Run:
//
//   node tests/integration/support/counter-process.ts --db FILE --central URL --office CODE
//     [--enroll-code CODE] [--pull] [--decide N] [--skip K] [--sync]
//     [--page-size N] [--push-batch N] [--timeout-ms N] [--officer ID] [--counter ID]
//     [--kill-self-at-row N] [--kill-self-in-mark-done] [--max-seconds S]
//
// Actions, in this order: enroll (when the store has no token and a code is given); --pull: one sync
// round; --decide N: decide the first N pending registrations in code order (after skipping K),
// approve and reject alternately; --sync: sync rounds until the outbox is empty.
//
// Progress on stdout, one line each, written synchronously (so a line the parent has read is a step
// that happened): `ready`, `enrolled <deviceId>`, `applied-page <rows pulled so far> <cursor>`,
// `round <state> <error kind or -> <backlog>`, `decided <code> <outcome> <eventId>`, `pushing <backlog>`,
// `synced`, `done`. Failure: `failed <message>` and exit code 1; watchdog: exit code 70.
//
// --kill-self-at-row N: SIGKILL this process from inside the pull's write transaction, just before it
// writes the N-th registration row (counting from 1 across pages): a kill in the middle of an apply,
// exactly where it hurts. --kill-self-in-mark-done: SIGKILL inside the transaction that records the
// central's answer to a push (the central has committed; this device has not noted it yet).
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { outboxBacklog } from '../../../main/store/outbox-repository.ts';
import type { Store } from '../../../main/store/store.ts';
import { getDeviceToken, getPullCursor } from '../../../main/store/sync-state-repository.ts';
import { alternatingOutcome, decide, openCounter, pendingCodes } from './counter-setup.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    central: { type: 'string' },
    office: { type: 'string' },
    'enroll-code': { type: 'string' },
    pull: { type: 'boolean', default: false },
    decide: { type: 'string', default: '0' },
    skip: { type: 'string', default: '0' },
    sync: { type: 'boolean', default: false },
    'page-size': { type: 'string' },
    'push-batch': { type: 'string' },
    'timeout-ms': { type: 'string', default: '10000' },
    officer: { type: 'string' },
    counter: { type: 'string', default: 'QUAY-01' },
    'kill-self-at-row': { type: 'string' },
    'kill-self-in-mark-done': { type: 'boolean', default: false },
    'max-seconds': { type: 'string', default: '60' },
  },
  strict: true,
});

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

function required(name: 'db' | 'central' | 'office'): string {
  const value = values[name];
  if (!value) {
    say(`failed missing --${name}`);
    process.exit(64);
  }
  return value;
}

function killSelf(reason: string): never {
  say(`killing-self ${reason}`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

/**
 * A view of the store whose prepared statements can SIGKILL the process just before they run:
 * statements are looked up through store.statement() on every use, so wrapping it is enough.
 */
function withKillPoints(store: Store): Store {
  const killAtRow = values['kill-self-at-row'] ? Number(values['kill-self-at-row']) : null;
  const killInMarkDone = values['kill-self-in-mark-done'];
  if (killAtRow === null && !killInMarkDone) return store;
  let rows = 0;
  const trap = (statement: Database.Statement, before: () => void): Database.Statement =>
    new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property === 'run') {
          return (...parameters: unknown[]) => {
            before();
            return target.run(...parameters);
          };
        }
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return {
    ...store,
    statement(sql) {
      const statement = store.statement(sql);
      if (killAtRow !== null && sql.trimStart().startsWith('INSERT INTO registrations')) {
        return trap(statement, () => {
          rows += 1;
          if (rows === killAtRow) killSelf(`at-row ${rows}`);
        });
      }
      if (killInMarkDone && /^UPDATE outbox SET state = \?/.test(sql.trimStart())) {
        return trap(statement, () => killSelf('in-mark-done'));
      }
      return statement;
    },
  };
}

async function main(): Promise<void> {
  const enrollCode = values['enroll-code'];
  const officeCode = required('office');
  let lastPulled = 0;
  const counter = openCounter({
    databasePath: required('db'),
    centralUrl: required('central'),
    officeCode,
    deviceName: `Quầy ${values.counter}`,
    timeoutMs: Number(values['timeout-ms']),
    ...(values['page-size'] ? { pullPageSize: Number(values['page-size']) } : {}),
    ...(values['push-batch'] ? { pushBatchSize: Number(values['push-batch']) } : {}),
    ...(enrollCode ? { enrollmentCode: () => enrollCode } : {}),
    engineStore: withKillPoints,
    onStatus: (status) => {
      // pulledInRound grows once per applied page (after its transaction committed).
      if (status.pulledInRound > lastPulled) {
        say(`applied-page ${status.pulledInRound} ${getPullCursor(counter.store, officeCode)}`);
      }
      lastPulled = status.pulledInRound;
    },
  });
  const { engine } = counter;
  const officer = { officerId: values.officer ?? `cb-${officeCode}-1`, counterId: values.counter };
  say('ready');

  if (!getDeviceToken(counter.store) && enrollCode) {
    await engine.enroll(enrollCode);
    say(`enrolled ${counter.deviceId()}`);
  }

  if (values.pull) {
    const status = await engine.syncNow();
    say(`round ${status.state} ${status.error?.kind ?? '-'} ${status.backlog}`);
    if (status.state !== 'online') throw new Error(`pull failed: ${status.error?.message ?? status.state}`);
  }

  const toDecide = Number(values.decide);
  if (toDecide > 0) {
    const codes = pendingCodes(counter.store, officeCode, toDecide, Number(values.skip));
    codes.forEach((code, index) => {
      const recorded = decide(counter.store, code, alternatingOutcome(index), officer);
      say(`decided ${code} ${recorded.decision.outcome} ${recorded.eventId}`);
    });
  }

  if (values.sync) {
    say(`pushing ${outboxBacklog(counter.store).pending}`);
    for (let round = 1; ; round++) {
      const status = await engine.syncNow();
      say(`round ${status.state} ${status.error?.kind ?? '-'} ${status.backlog}`);
      if (status.state === 'online' && status.backlog === 0) break;
      if (round >= 20) throw new Error(`still ${status.backlog} to push after ${round} rounds`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    say('synced');
  }

  await counter.close();
  say('done');
}

const watchdog = setTimeout(
  () => {
    say('failed watchdog');
    process.exit(70);
  },
  Number(values['max-seconds']) * 1000,
);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`failed ${(error as Error).message.replaceAll('\n', ' ')}`);
    process.exit(1);
  },
);

import path from 'node:path';
import { startCentralServer, type CentralServer } from '../../../central/server/start-central-server.ts';

// Training mode: no central URL is configured, so the backend runs the reference central service
// in-process on loopback, with synthetic data, and enrolls itself. Its database lives beside the
// counter's, so a trainee's decisions survive a restart. Every screen says "training mode".

export const trainingSeedCount = 3000;

export async function startTrainingCentral(dataDirectory: string, now: () => Date): Promise<CentralServer> {
  return startCentralServer({
    databasePath: path.join(dataDirectory, 'training-central.sqlite'),
    port: 0,
    seedCount: trainingSeedCount,
    seedReferenceTime: now(),
  });
}

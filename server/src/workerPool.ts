// Runs one function over many inputs on worker threads, results in input order. The workers are
// this same script started again (the CLI bundle is one file), told their role by `workerData`.
import { availableParallelism } from 'os';
import { Worker } from 'worker_threads';

export interface WorkerTask<I> {
  role: string;
  inputs: readonly I[];
  /** Extra data every worker receives next to the role. */
  shared: unknown;
}

/** How many threads to use for `count` inputs: one per core, never more than inputs. */
export function workerCount(count: number): number {
  return Math.max(1, Math.min(availableParallelism(), count));
}

/**
 * Sends each input to the next free worker and resolves with every output in input order;
 * `onOutput` sees outputs in input order as soon as all earlier ones have arrived.
 */
export function mapInWorkers<I, O>(script: string, task: WorkerTask<I>, onOutput: (output: O, index: number) => void): Promise<O[]> {
  return new Promise((resolve, reject) => {
    const outputs: O[] = new Array(task.inputs.length);
    const arrived: boolean[] = new Array(task.inputs.length).fill(false);
    let next = 0;
    let reported = 0;
    let running = 0;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outputs);
    };
    const feed = (worker: Worker) => {
      if (next >= task.inputs.length) {
        running--;
        void worker.terminate();
        if (running === 0) finish();
        return;
      }
      const index = next++;
      worker.postMessage({ index, input: task.inputs[index] });
    };
    for (let i = 0; i < workerCount(task.inputs.length); i++) {
      const worker = new Worker(script, { workerData: { role: task.role, shared: task.shared } });
      workers.push(worker);
      running++;
      worker.on('message', ({ index, output }: { index: number; output: O }) => {
        outputs[index] = output;
        arrived[index] = true;
        while (reported < outputs.length && arrived[reported]) onOutput(outputs[reported], reported++);
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}

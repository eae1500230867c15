// Runs the commands given as arguments at the same time, each one's output held and printed whole
// when it ends, and fails when any of them fails. `npm test` runs its independent first steps
// (typecheck, lint, native builds) this way: on two cores they overlap instead of queueing.
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
const started = Date.now();
const results = await Promise.all(
  commands.map(
    (command) =>
      new Promise((resolve) => {
        const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          process.stdout.write(`\n── ${command} (exit ${code}, ${seconds} s) ──\n${Buffer.concat(output).toString('utf8')}`);
          resolve(code);
        });
      }),
  ),
);
process.exit(results.every((code) => code === 0) ? 0 : 1);

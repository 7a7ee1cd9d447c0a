import { spawn } from 'node:child_process';
import { basename } from 'node:path';

/**
 * Running the project's server launchers (scripts/wordpress.sh, scripts/ttrss.sh) from the E2E harness:
 * one bounded run of a command, and the `KEY=value` lines they print.
 */

/** `KEY=value` lines as a launcher prints them (single-quoted values, or bash %q quoting for values with spaces). */
export function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    let value = match[2]!;
    if (value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1);
    else value = value.replace(/\\(.)/g, '$1');
    out[match[1]!] = value;
  }
  return out;
}

/** Runs `bash script command` within `timeoutMs`; resolves with its stdout, passes each stderr line to `log`. */
export function runLauncher(
  script: string,
  command: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<string> {
  const name = `scripts/${basename(script)}`;
  return new Promise((done, fail) => {
    // detached: the script leads its own process group, so a timeout can end it with its children
    // (apt-get included). The servers it starts are in groups of their own, ended by `stop`.
    const child = spawn('bash', [script, command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    let partial = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      partial += chunk.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(line);
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      fail(new Error(`${name} ${command} took longer than ${timeoutMs} ms\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) done(stdout);
      else fail(new Error(`${name} ${command} failed (exit ${code})\n${stderr.slice(-3000)}`));
    });
  });
}

/**
 * The state dirs of a launcher's instances still running. Best effort: when the test process exits
 * without stopping one, `stopOnExit` is called for it (the hook is installed with the first instance).
 */
export class RunningInstances {
  private readonly stateDirs = new Set<string>();
  private hooked = false;

  constructor(private readonly stopOnExit: (stateDir: string) => void) {}

  add(stateDir: string): void {
    if (!this.hooked) {
      this.hooked = true;
      process.once('exit', () => {
        for (const dir of this.stateDirs) this.stopOnExit(dir);
      });
    }
    this.stateDirs.add(stateDir);
  }

  has(stateDir: string): boolean {
    return this.stateDirs.has(stateDir);
  }

  delete(stateDir: string): void {
    this.stateDirs.delete(stateDir);
  }
}

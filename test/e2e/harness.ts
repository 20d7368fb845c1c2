/**
 * What every end-to-end test needs: the CLI, a `cli serve` process in its own process group (so stopping it ends
 * npx, tsx and node together and nothing else), and Debian's Chromium started with the flags this closed network
 * needs (pitfalls.md).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const run = promisify(execFile);

export const ROOT = path.resolve(import.meta.dirname, '../..');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Runs the CLI and returns its stdout (rejects on a non-zero exit). */
export async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'electron/cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export interface Served {
  url: string;
  child: ChildProcess;
}

/** Starts `cli serve` on a store; resolves with the URL it prints first. */
export function startServe(store: string): Promise<Served> {
  const child = spawn('npx', ['tsx', 'electron/cli.ts', 'serve', '--store', store, '--port', '0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ url: line.trim(), child }));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** Stops a serve process group and waits until it has exited. */
export async function stopServe(child: ChildProcess | null | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  await exited;
}

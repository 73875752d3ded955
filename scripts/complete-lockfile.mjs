#!/usr/bin/env node
// Plain JavaScript so that it runs on any Node, before `npm ci` has brought Node 24.
//
// Some dependencies ship their native binary as one optional package per platform
// (@astrojs/compiler-binding-*, @pagefind/*). When the registry this project installs from holds
// only the Linux builds, `npm install` leaves the other platforms out of package-lock.json and
// `npm ci` then refuses the lockfile as out of sync. This adds the missing entries the way npm
// writes them with a full registry: optional, restricted to their platform, so they are never
// fetched here. Idempotent; run it after any `npm install` that rewrites the lockfile.
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = { android: 'android', darwin: 'darwin', win32: 'win32', windows: 'win32', freebsd: 'freebsd', linux: 'linux' };
const CPU = new Set(['x64', 'arm64', 'ia32', 'arm']);
const added = [];
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = /[-/](android|darwin|win32|windows|freebsd|linux|wasm32)(?:-([a-z0-9]+))?/.exec(name);
    if (!platform) continue; // not a per-platform binary: leave it to npm
    const entry = { version: version.replace(/^[\^~]/, ''), optional: true };
    if (platform[1] === 'wasm32') entry.cpu = ['wasm32'];
    else {
      entry.os = [OS[platform[1]]];
      if (CPU.has(platform[2])) entry.cpu = [platform[2]];
    }
    lock.packages[key] = entry;
    added.push(name);
  }
}
if (added.length) {
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${added.length} optional platform package(s): ${added.join(', ')}`);
}

#!/usr/bin/env node
// The CLI is TypeScript run by Node's built-in type stripping (Node >= 22.18; the project pins 24).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`briefing needs Node 24 (found ${process.version}). Run it through npm, which uses the project's own Node: npx briefing ...`);
  process.exit(1);
}
await import('../src/cli/main.ts');

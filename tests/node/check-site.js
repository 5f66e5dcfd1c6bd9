// check-site.js OUTPUT_DIR SCREENSHOT_DIR — opens output/site/index.html in headless
// Chromium (Debian's /usr/bin/chromium), takes the DOM the browser built and follows
// every href and src, page by page: each must be a relative link to a file that exists
// inside OUTPUT_DIR (no external resource, nothing outside the output); pages must be
// Thai (<html lang="th">), responsive (viewport meta) and without scripts or external
// style sheets. Then takes screenshots of the front page (desktop and phone width) into
// SCREENSHOT_DIR. Prints problems and "site: N pages, N links"; exits 1 on any problem.
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--hide-scrollbars', '--allow-file-access-from-files'];

function browser(args, userDir) {
  return execFileSync(chromium, [...flags, `--user-data-dir=${userDir}`, ...args],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60000, maxBuffer: 64 << 20});
}

function main() {
  const out = path.resolve(process.argv[2] || 'output');
  const shots = path.resolve(process.argv[3] || '.');
  const userDir = fs.mkdtempSync(path.join(shots, 'chromium-'));
  const problems = [];
  const start = path.join(out, 'site', 'index.html');
  const queue = [start], seen = new Set([start]);
  let links = 0;
  while (queue.length) {
    const page = queue.shift();
    const rel = path.relative(out, page);
    const dom = browser(['--dump-dom', 'file://' + page], userDir);
    if (!/<html[^>]*\slang="th"/.test(dom)) problems.push(`${rel}: not <html lang="th">`);
    if (!/<meta name="viewport" content="width=device-width/.test(dom)) problems.push(`${rel}: no viewport meta`);
    if (/<script\b/i.test(dom)) problems.push(`${rel}: has a script`);
    if (/<link\b[^>]*stylesheet/i.test(dom)) problems.push(`${rel}: loads a style sheet`);
    if (/url\(\s*['"]?(https?:)?\/\//i.test(dom)) problems.push(`${rel}: CSS loads something from the network`);
    for (const m of dom.matchAll(/\s(href|src)="([^"]*)"/g)) {
      links++;
      const url = m[2].replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/')) {
        problems.push(`${rel}: ${m[1]}="${url}" leaves the bundle`);
        continue;
      }
      const target = path.resolve(path.dirname(page), decodeURIComponent(url.split('#')[0].split('?')[0]));
      if (!target.startsWith(out + path.sep)) { problems.push(`${rel}: ${url} points outside the output`); continue; }
      if (!fs.existsSync(target) || !fs.statSync(target).isFile()) { problems.push(`${rel}: ${url} does not exist`); continue; }
      if (target.endsWith('.html') && !seen.has(target)) { seen.add(target); queue.push(target); }
    }
  }
  for (const [name, size] of [['site-desktop.png', '1280,2200'], ['site-phone.png', '390,1600']]) {
    browser([`--window-size=${size}`, `--screenshot=${path.join(shots, name)}`, 'file://' + start], userDir);
    const png = fs.readFileSync(path.join(shots, name));
    if (png.length < 10000 || png.readUInt32BE(0) !== 0x89504e47) problems.push(`${name}: no screenshot`);
  }
  fs.rmSync(userDir, {recursive: true, force: true});
  for (const p of problems) console.log(p);
  console.log(`site: ${seen.size} pages, ${links} links, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
main();

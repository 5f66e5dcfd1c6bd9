// fake-ckan.js LOG — a tiny stand-in for a CKAN action API on 127.0.0.1 (a free port,
// printed on the first line of stdout) for testing tools/ckan-upload.sh without any
// real portal. It keeps datasets in memory, answers package_show, package_create,
// package_patch, resource_create and resource_update as CKAN does ({"success": ...}),
// refuses requests without the API key in FAKE_CKAN_KEY, and appends one JSON line per
// request to LOG (action, content type, JSON body or form fields, uploaded file name and
// size). It stops by itself after 60 seconds.
'use strict';
const http = require('http');
const fs = require('fs');

const log = process.argv[2];
const key = process.env.FAKE_CKAN_KEY || 'test-key';
const datasets = new Map();
let nextId = 1;

function multipart(body, type) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const boundary = Buffer.from('--' + (m[1] || m[2]));
  const fields = {}, files = {};
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length + 2; // past CRLF
    const next = body.indexOf(boundary, start);
    if (next < 0) break;
    const part = body.subarray(start, next - 2); // before CRLF
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(head)[1];
    const filename = /filename="([^"]*)"/.exec(head);
    if (filename) files[name] = {filename: filename[1], size: content.length};
    else fields[name] = content.toString('utf8');
    pos = next;
  }
  return {fields, files};
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const action = url.pathname.replace(/^\/api\/3\/action\//, '');
    const body = Buffer.concat(chunks);
    const type = req.headers['content-type'] || '';
    let data = {}, files = {};
    if (type.startsWith('application/json')) data = JSON.parse(body.toString('utf8'));
    else if (type.startsWith('multipart/form-data')) ({fields: data, files} = multipart(body, type));
    for (const [k, v] of url.searchParams) data[k] = v;
    fs.appendFileSync(log, JSON.stringify({action, method: req.method, type: type.split(';')[0], data, files}) + '\n');
    const answer = (status, obj) => { res.writeHead(status, {'Content-Type': 'application/json'}); res.end(JSON.stringify(obj)); };
    if (req.headers.authorization !== key)
      return answer(403, {success: false, error: {__type: 'Authorization Error', message: 'Access denied'}});
    const fail = (status, message) => answer(status, {success: false, error: {__type: 'Validation Error', message}});
    switch (action) {
      case 'package_show': {
        const d = datasets.get(data.id);
        return d ? answer(200, {success: true, result: d}) : fail(404, 'Not found');
      }
      case 'package_create':
        if (!data.name || datasets.has(data.name)) return fail(409, 'That URL is already in use.');
        datasets.set(data.name, {...data, id: `pkg-${nextId++}`, resources: []});
        return answer(200, {success: true, result: datasets.get(data.name)});
      case 'package_patch': {
        const d = datasets.get(data.id);
        if (!d) return fail(404, 'Not found');
        Object.assign(d, data, {id: d.id});
        return answer(200, {success: true, result: d});
      }
      case 'resource_create': {
        const d = datasets.get(data.package_id);
        if (!d || !files.upload) return fail(409, 'package_id or upload missing');
        const r = {...data, id: `res-${nextId++}`, url: files.upload.filename};
        d.resources.push(r);
        return answer(200, {success: true, result: r});
      }
      case 'resource_update': {
        for (const d of datasets.values())
          for (const r of d.resources)
            if (r.id === data.id) { Object.assign(r, data); return answer(200, {success: true, result: r}); }
        return fail(404, 'Not found');
      }
      default:
        return fail(400, `unknown action ${action}`);
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
setTimeout(() => server.close(() => process.exit(0)), 60000).unref();
setTimeout(() => process.exit(0), 61000).unref();

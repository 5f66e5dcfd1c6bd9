// validate-datapackage.js OUTPUT_DIR — checks output/datapackage.json and every CSV it
// describes with the Frictionless Data library (datapackage-js, Data Package v1):
// the descriptor against the profile, every table read and cast against its Table
// Schema (types, enums, required, primary keys), every foreign key resolved; and that
// the manifest lists no machine CSV the package leaves out. Prints one line per problem
// and "datapackage: N resources, N rows" at the end; exits 1 on any problem.
'use strict';
const fs = require('fs');
const path = require('path');
const {Package, validate} = require('datapackage');

async function main() {
  const dir = path.resolve(process.argv[2] || 'output');
  const problems = [];
  const descriptor = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
  const profile = await validate(descriptor);
  if (!profile.valid) for (const e of profile.errors) problems.push(`profile: ${e.message}`);

  const dp = await Package.load(path.join(dir, 'datapackage.json'), {basePath: dir});
  if (!dp.valid) for (const e of dp.errors) problems.push(`package: ${e.message}`);
  let rows = 0;
  for (const r of dp.resources) {
    const d = r.descriptor;
    if (!d.schema || !Array.isArray(d.schema.fields) || d.schema.fields.length === 0) {
      problems.push(`${d.path}: no table schema`);
      continue;
    }
    for (const f of d.schema.fields)
      if (!f.title_th || !f.title_en || !f.description_th || !f.description_en)
        problems.push(`${d.path}: field ${f.name} lacks a Thai or English title or description`);
    const raw = fs.readFileSync(path.join(dir, d.path));
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf)
      problems.push(`${d.path}: machine CSV starts with a BOM`);
    try {
      const data = await r.read({keyed: true, relations: Boolean(d.schema.foreignKeys)});
      rows += data.length;
    } catch (e) {
      const detail = e.errors ? e.errors.map((x) => x.message).join('; ') : '';
      problems.push(`${d.path}: ${e.message}${detail ? ': ' + detail : ''}`);
    }
  }
  // every machine CSV the run wrote is described (a CSV without a schema fails here)
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const described = new Set(dp.resources.map((r) => r.descriptor.path));
  for (const f of manifest.files) {
    if (!f.path.endsWith('.csv')) continue;
    if (f.path.endsWith('-excel.csv')) {
      const machine = f.path.replace(/-excel\.csv$/, '.csv');
      if (!described.has(machine)) problems.push(`${f.path}: Excel copy of an undescribed table`);
    } else if (!described.has(f.path)) {
      problems.push(`${f.path}: CSV in the manifest without a resource in datapackage.json`);
    }
  }
  for (const p of problems) console.log(p);
  console.log(`datapackage: ${dp.resources.length} resources, ${rows} rows, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((e) => { console.log(`datapackage: ${e.stack || e}`); process.exit(1); });

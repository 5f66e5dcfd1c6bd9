// check-excel.js OUTPUT_DIR — every table of datapackage.json against its Excel copy
// (<name>-excel.csv): the copy starts with the UTF-8 BOM and the machine CSV does not;
// both parse as RFC 4180 with the same records; numeric, date and boolean cells are
// identical and never quoted; a text cell differs only by the ' put before a value that
// begins with = + - @ TAB CR LF (OWASP), and every such value is neutralised. Prints
// problems and "excel: N tables, N cells neutralised"; exits 1 on any problem.
'use strict';
const fs = require('fs');
const path = require('path');
const parse = require('csv-parse/lib/sync');

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const formulaLike = (s) => /^[=+\-@\t\r\n]/.test(s);

function records(text) {
  const quoted = [];
  const rows = parse(text, {
    relax_column_count: false,
    cast: (value, ctx) => { (quoted[ctx.lines - 1] = quoted[ctx.lines - 1] || [])[ctx.index] = ctx.quoting; return value; },
  });
  return {rows, quoted};
}

function main() {
  const dir = path.resolve(process.argv[2] || 'output');
  const dp = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
  const problems = [];
  let neutralised = 0;
  for (const r of dp.resources) {
    const machinePath = path.join(dir, r.path);
    const excelPath = machinePath.replace(/\.csv$/, '-excel.csv');
    if (!fs.existsSync(excelPath)) { problems.push(`${r.path}: no Excel copy`); continue; }
    const machine = fs.readFileSync(machinePath), excel = fs.readFileSync(excelPath);
    if (machine.subarray(0, 3).equals(BOM)) problems.push(`${r.path}: the machine copy has a BOM`);
    if (!excel.subarray(0, 3).equals(BOM)) { problems.push(`${r.path}: the Excel copy has no BOM`); continue; }
    const m = records(machine.toString('utf8'));
    const x = records(excel.subarray(3).toString('utf8'));
    if (m.rows.length !== x.rows.length) { problems.push(`${r.path}: ${m.rows.length} vs ${x.rows.length} records`); continue; }
    const fields = r.schema.fields;
    for (let i = 0; i < m.rows.length; i++) {
      for (let c = 0; c < fields.length; c++) {
        const f = fields[c], mv = m.rows[i][c], xv = x.rows[i][c];
        const where = `${r.path} record ${i + 1} ${f.name}`;
        if (i === 0 || f.type !== 'string') {
          if (xv !== mv) problems.push(`${where}: "${xv}" in the Excel copy, "${mv}" in the machine copy`);
          if (i > 0 && x.quoted[i] && x.quoted[i][c]) problems.push(`${where}: a ${f.type} cell is quoted`);
        } else if (formulaLike(mv)) {
          if (xv !== "'" + mv) problems.push(`${where}: "${mv}" is not neutralised ("${xv}")`);
          else neutralised++;
        } else if (xv !== mv) {
          problems.push(`${where}: "${xv}" differs from "${mv}"`);
        }
      }
    }
  }
  for (const p of problems) console.log(p);
  console.log(`excel: ${dp.resources.length} tables, ${neutralised} cells neutralised, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
main();

// check-ckan.js OUTPUT_DIR — checks every data.go.th payload under OUTPUT_DIR/ckan/
// against the facts of the GD-Catalog schema (ckanext-thai_gdc ckan_dataset.json,
// 2024-02; ../shared/reference/opendata.md §1), written down here independently of the
// C code: required fields, every enumerated value inside its list, multiple-choice
// fields as JSON lists, allow_harvest as "True"/"False", the slug rules (2-70 of
// a-z 0-9 _ -), ISO dates, unique names and titles; and each resource payload against
// its file (package_id, size, sha256). Prints problems and "ckan: N datasets, N resources".
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const lists = {
  data_type: ['ข้อมูลระเบียน', 'ข้อมูลสถิติ', 'ข้อมูลภูมิสารสนเทศเชิงพื้นที่', 'ข้อมูลหลากหลายประเภท',
    'ข้อมูลประเภทอื่นๆ'],
  objective: ['ยุทธศาสตร์ชาติ', 'แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ', 'แผนความมั่นคงแห่งชาติ',
    'แผนแม่บทภายใต้ยุทธศาสตร์ชาติ', 'แผนปฏิรูปประเทศ', 'แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)',
    'นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี', 'มติคณะรัฐมนตรี', 'เพื่อการให้บริการประชาชน',
    'กฎหมายที่เกี่ยวข้อง', 'พันธกิจหน่วยงาน', 'ดัชนี/ตัวชี้วัดระดับนานาชาติ', 'ไม่ทราบ', 'อื่นๆ'],
  update_frequency_unit: ['ไม่ทราบ', 'ปี', 'ครึ่งปี', 'ไตรมาส', 'เดือน', 'สัปดาห์', 'วัน', 'วันทำการ',
    'ชั่วโมง', 'นาที', 'ตามเวลาจริง', 'ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล', 'อื่นๆ'],
  geo_coverage: ['ไม่มี', 'โลก', 'ทวีป/กลุ่มประเทศในทวีป', 'กลุ่มประเทศทางเศรษฐกิจ', 'ประเทศ', 'ภาค',
    'จังหวัด', 'อำเภอ', 'ตำบล', 'หมู่บ้าน', 'เทศบาล/อบต.', 'พิกัด', 'ไม่ทราบ', 'อื่นๆ'],
  data_format: ['Database', 'CSV', 'XML', 'Image', 'Video', 'Audio', 'Text', 'JSON', 'HTML',
    'DOC/DOCX', 'XLS', 'PDF', 'RDF', 'NoSQL', 'Arc/Info Coverage', 'Shapefile', 'GeoTiff', 'GML',
    'ไม่ทราบ', 'อื่นๆ'],
  data_category: ['ข้อมูลสาธารณะ', 'ข้อมูลส่วนบุคคล', 'ข้อมูลความมั่นคง', 'ข้อมูลความลับทางราชการ'],
  license_id: ['License not specified', 'Creative Commons Attributions',
    'Creative Commons Attribution Share-Alike', 'Creative Commons Non-Commercial (Any)',
    'Open Data Common', 'GNU Free Documentation License', 'อื่นๆ'],
  data_support: ['ไม่มี', 'หน่วยงานของรัฐ', 'หน่วยงานเอกชน', 'หน่วยงาน/องค์กรระหว่างประเทศ', 'มูลนิธิ/สมาคม',
    'สถาบันการศึกษา', 'อื่นๆ'],
  data_language: ['ไทย', 'อังกฤษ', 'จีน', 'มลายู', 'พม่า', 'ลาว', 'เขมร', 'ญี่ปุ่น', 'เกาหลี', 'ฝรั่งเศส',
    'เยอรมัน', 'อารบิก', 'ไม่ทราบ', 'อื่นๆ'],
};
const multiple = new Set(['objective', 'data_format', 'data_language']);
const required = ['data_type', 'title', 'name', 'maintainer', 'maintainer_email', 'tag_string',
  'notes', 'objective', 'update_frequency_unit', 'geo_coverage', 'data_source', 'data_format',
  'data_category', 'license_id'];
const dates = ['created_date', 'last_updated_date'];
const isoDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s + 'T00:00:00Z')) &&
  new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s;

function main() {
  const dir = path.resolve(process.argv[2] || 'output');
  const problems = [];
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'ckan', 'index.json'), 'utf8'));
  const names = new Map(), titles = new Map();
  let nres = 0;
  for (const ds of index.datasets) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, ds.package), 'utf8'));
    const where = ds.package;
    for (const k of required)
      if (p[k] === undefined || p[k] === '' || (Array.isArray(p[k]) && p[k].length === 0))
        problems.push(`${where}: required field ${k} is missing`);
    for (const [k, list] of Object.entries(lists)) {
      if (p[k] === undefined) continue;
      if (multiple.has(k) !== Array.isArray(p[k]))
        problems.push(`${where}: ${k} must be ${multiple.has(k) ? 'a JSON list' : 'one string'}`);
      for (const v of [].concat(p[k])) {
        if (!list.includes(v)) problems.push(`${where}: ${k} "${v}" is not a GD-Catalog value`);
        if (/อื่นๆ$/.test(v) && !p[`${k}_other`]) problems.push(`${where}: ${k} is อื่นๆ without ${k}_other`);
      }
    }
    if (typeof p.name !== 'string' || !/^[a-z0-9_-]{2,70}$/.test(p.name) || ['new', 'edit', 'search'].includes(p.name))
      problems.push(`${where}: name "${p.name}" breaks the slug rules (2-70 of a-z 0-9 _ -)`);
    if (p.name !== ds.name) problems.push(`${where}: name differs from index.json`);
    if (p.owner_org !== undefined && !/^[a-z0-9_-]{2,100}$/.test(p.owner_org))
      problems.push(`${where}: owner_org "${p.owner_org}" is not a CKAN name`);
    if (p.allow_harvest !== undefined && p.allow_harvest !== 'True' && p.allow_harvest !== 'False')
      problems.push(`${where}: allow_harvest must be the string "True" or "False"`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.maintainer_email || ''))
      problems.push(`${where}: maintainer_email is not an e-mail address`);
    if (p.url !== undefined && !/^https?:\/\/\S+$/.test(p.url)) problems.push(`${where}: url is not a URL`);
    if (p.update_frequency_interval !== undefined && !/^[1-9][0-9]*$/.test(p.update_frequency_interval))
      problems.push(`${where}: update_frequency_interval is not a whole number as text`);
    for (const k of dates)
      if (p[k] !== undefined && !isoDate(p[k])) problems.push(`${where}: ${k} "${p[k]}" is not an ISO date`);
    for (const [k, seen] of [['name', names], ['title', titles]]) {
      if (seen.has(p[k])) problems.push(`${where}: ${k} "${p[k]}" also in ${seen.get(p[k])}`);
      seen.set(p[k], where);
    }
    for (const tag of String(p.tag_string).split(','))
      if (tag.trim().length < 2) problems.push(`${where}: tag "${tag}" is shorter than 2 characters`);
    if (!ds.resources.length) problems.push(`${where}: no resources`);
    for (const r of ds.resources) {
      nres++;
      const rp = JSON.parse(fs.readFileSync(path.join(dir, r.payload), 'utf8'));
      const file = path.join(dir, r.file);
      if (!fs.existsSync(file)) { problems.push(`${r.payload}: file ${r.file} is missing`); continue; }
      const bytes = fs.readFileSync(file);
      if (rp.package_id !== p.name) problems.push(`${r.payload}: package_id is not the dataset's name`);
      for (const k of ['name', 'format', 'url'])
        if (!rp[k]) problems.push(`${r.payload}: ${k} is missing`);
      if (rp.size !== bytes.length) problems.push(`${r.payload}: size ${rp.size}, file has ${bytes.length}`);
      const sha = 'sha256:' + crypto.createHash('sha256').update(bytes).digest('hex');
      if (rp.hash !== sha) problems.push(`${r.payload}: hash is not the file's sha256`);
      for (const k of ['resource_created_date', 'resource_last_updated_date'])
        if (rp[k] !== undefined && !isoDate(rp[k])) problems.push(`${r.payload}: ${k} is not an ISO date`);
    }
  }
  for (const p of problems) console.log(p);
  console.log(`ckan: ${index.datasets.length} datasets, ${nres} resources, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
main();

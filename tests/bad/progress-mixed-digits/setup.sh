# Thai and Arabic digits in one disbursed amount
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ,งบประมาณที่เบิกจ่าย\n1.1,อบรม,เสร็จสิ้น,"๑๒0,๐๐๐"\n' >content/test/2567/progress-6.csv

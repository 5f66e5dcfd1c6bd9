# the same activity reported twice, once with Thai digits in its id
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ\n1.1,อบรม,เสร็จสิ้น\n๑.๑,อบรม,ยกเลิก\n' >content/test/2567/progress-6.csv

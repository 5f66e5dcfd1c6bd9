# a NUL byte inside a progress cell
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ\n1.1,อบรม\0,เสร็จสิ้น\n' >content/test/2567/progress-6.csv

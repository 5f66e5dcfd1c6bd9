# a progress file cut off inside a quoted cell
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ,ผลการดำเนินการ\n1.1,อบรม,เสร็จสิ้น,"จัดอบรม ๒ รุ่น\n' >content/test/2567/progress-6.csv

# a progress round saved as TIS-620 (Windows-874)
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ\n1.1,\xa1\xd4\xa8\xa1\xc3\xc3\xc1,เสร็จสิ้น\n' >content/test/2567/progress-6.csv

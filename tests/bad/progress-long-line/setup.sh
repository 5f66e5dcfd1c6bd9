# a 1 MB status cell on one line: refused at once (a cell holds at most 64 KB)
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
{ printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ,ผลการดำเนินการ\n1.1,อบรม,'
  head -c 1048576 /dev/zero | tr '\0' 'x'; printf ',ทำแล้ว\n'; } >content/test/2567/progress-6.csv

# a CE year typed for the fiscal year, and an impossible date in the period
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'ปีงบประมาณ,2024\nรอบ,๖ เดือน\nช่วงเวลา,1 ต.ค. 66 – 31 ก.พ. 67\n\nรหัส,รายการ,สถานะ\n1.1,อบรม,เสร็จสิ้น\n' >content/test/2567/progress-6.csv

# an Excel export: BOM and CRLF, with a wrong status on its fifth line
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf '\xef\xbb\xbfปีงบประมาณ,๒๕๖๗\r\nรอบ,๖ เดือน\r\n\r\nรหัส,รายการ,สถานะ\r\n1.1,อบรม,เสร็จแล้วมั้ง\r\n' >content/test/2567/progress-6.csv

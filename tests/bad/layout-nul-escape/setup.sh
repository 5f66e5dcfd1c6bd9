# a NUL written as the JSON escape \u0000 (jansson refuses it unless asked)
mkdir -p content/test/2567 layouts
plan_head 'layout: nul' >content/test/2567/plan.md
printf '{\n  "footer": "หน้า \\u0000 {page}"\n}\n' >layouts/nul.json

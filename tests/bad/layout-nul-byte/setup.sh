# a NUL byte inside a string of the layout
mkdir -p content/test/2567 layouts
plan_head 'layout: nul' >content/test/2567/plan.md
printf '{\n  "name": "nu\0l"\n}\n' >layouts/nul.json

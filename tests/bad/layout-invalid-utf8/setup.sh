# a layout saved in Windows-874 (TIS-620): the header's Thai is not UTF-8
mkdir -p content/test/2567 layouts
plan_head 'layout: tis' >content/test/2567/plan.md
printf '{\n  "header": "\xcb\xb9\xe9\xd2 {page}"\n}\n' >layouts/tis.json

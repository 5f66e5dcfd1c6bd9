# a 1 MB header on one line with an unknown placeholder at its end
mkdir -p content/test/2567 layouts
plan_head 'layout: long' >content/test/2567/plan.md
{ printf '{"header": "'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf ' {date}"}\n'; } >layouts/long.json

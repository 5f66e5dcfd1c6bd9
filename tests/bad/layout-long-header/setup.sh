# a running header of 1 MB (valid, but no page can hold it)
mkdir -p content/test/2567 layouts
plan_head "layout: long" >content/test/2567/plan.md
{ printf '{"header": "{agency} '; head -c 1048576 /dev/zero | tr '\0' x; printf '"}\n'; } >layouts/long.json

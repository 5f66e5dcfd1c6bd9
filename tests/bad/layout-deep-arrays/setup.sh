# 100 000 arrays, one inside the other, as the table's columns
mkdir -p content/test/2567 layouts
plan_head 'layout: deep' >content/test/2567/plan.md
{ printf '{"table": {"columns": '; head -c 100000 /dev/zero | tr '\0' '['
  head -c 100000 /dev/zero | tr '\0' ']'; printf '}}\n'; } >layouts/deep.json

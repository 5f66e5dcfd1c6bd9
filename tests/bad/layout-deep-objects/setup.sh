# 100 000 objects, one inside the other, under an unknown key
mkdir -p content/test/2567 layouts
plan_head 'layout: deep' >content/test/2567/plan.md
{ printf '{\n"x": '; for i in $(seq 1 100000); do printf '{"a":'; done; printf '1'
  head -c 100000 /dev/zero | tr '\0' '}'; printf '}\n'; } >layouts/deep.json

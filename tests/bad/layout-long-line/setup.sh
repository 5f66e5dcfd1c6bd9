# a 1 MB key on one line: the message quotes its start only
mkdir -p content/test/2567 layouts
plan_head 'layout: long' >content/test/2567/plan.md
{ printf '{"'; head -c 1048576 /dev/zero | tr '\0' 'k'; printf '": 1}\n'; } >layouts/long.json

# 100 000 nested arrays in a progress JSON file
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
{ printf '{"fiscal_year": "2567", "round": 6, "rows": '; head -c 100000 /dev/zero | tr '\0' '['
  head -c 100000 /dev/zero | tr '\0' ']'; printf '}\n'; } >content/test/2567/progress-6.json

# seventeen columns (at most sixteen)
mkdir -p content/test/2567
plan_head "layout: wide" >content/test/2567/plan.md

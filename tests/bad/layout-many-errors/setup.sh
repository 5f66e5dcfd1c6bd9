# every problem of the file in one run, each at its key's line
mkdir -p content/test/2567
plan_head "layout: many" >content/test/2567/plan.md

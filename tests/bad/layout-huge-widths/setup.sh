# column widths too large to add up
mkdir -p content/test/2567
plan_head "layout: huge" >content/test/2567/plan.md

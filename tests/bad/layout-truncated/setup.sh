# a layout file cut off in the middle
mkdir -p content/test/2567
plan_head "layout: cut" >content/test/2567/plan.md

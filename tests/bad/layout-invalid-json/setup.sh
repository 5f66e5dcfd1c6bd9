# a trailing comma
mkdir -p content/test/2567
plan_head "layout: comma" >content/test/2567/plan.md

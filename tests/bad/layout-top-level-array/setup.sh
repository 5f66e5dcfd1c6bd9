# an array instead of an object
mkdir -p content/test/2567
plan_head "layout: array" >content/test/2567/plan.md

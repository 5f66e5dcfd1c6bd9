# one key given twice
mkdir -p content/test/2567
plan_head "layout: twice" >content/test/2567/plan.md

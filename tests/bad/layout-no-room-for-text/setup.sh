# margins that leave no room for text
mkdir -p content/test/2567
plan_head "layout: margins" >content/test/2567/plan.md

# an empty layout file
mkdir -p content/test/2567
plan_head "layout: empty" >content/test/2567/plan.md

# plans at the top of the content folder and in an agency folder without a year
mkdir -p content/test
plan_head >content/plan.md
plan_head >content/test/plan.md

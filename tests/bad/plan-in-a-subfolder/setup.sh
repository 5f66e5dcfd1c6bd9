# a second plan.md under the year folder would publish over the first one's outputs
mkdir -p content/test/2567/old
plan_head >content/test/2567/plan.md
plan_head >content/test/2567/old/plan.md

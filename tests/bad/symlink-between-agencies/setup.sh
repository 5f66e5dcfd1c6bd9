# agency b's plan is a link to agency a's: links are refused even inside content/
mkdir -p content/test/2567 content/other/2567
plan_head >content/test/2567/plan.md
ln -s ../../test/2567/plan.md content/other/2567/plan.md

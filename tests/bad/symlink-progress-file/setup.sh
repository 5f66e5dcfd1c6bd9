# a link beside a plan to a file outside the content folder (any name)
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
ln -s /etc/shadow content/test/2567/progress-6.csv

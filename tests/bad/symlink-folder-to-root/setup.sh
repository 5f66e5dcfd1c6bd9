# a link to / inside the content folder, beside a valid plan: refused, not walked
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
ln -s / content/root

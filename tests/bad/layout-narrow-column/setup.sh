# a column whose weight leaves it too narrow to hold text
mkdir -p content/test/2567
plan_head "layout: narrow" >content/test/2567/plan.md

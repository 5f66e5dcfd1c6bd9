# a layout naming a font file that is not there
mkdir -p content/test/2567
plan_head "layout: broken" >content/test/2567/plan.md

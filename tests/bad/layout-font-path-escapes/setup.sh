# a relative font path that climbs out of layouts/ to a file that is no font
mkdir -p content/test/2567
plan_head "layout: escape" >content/test/2567/plan.md

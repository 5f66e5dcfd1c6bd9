# a font path that names a folder
mkdir -p content/test/2567
plan_head "layout: folder" >content/test/2567/plan.md

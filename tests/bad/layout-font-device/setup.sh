# a font path that names a device that never ends
mkdir -p content/test/2567
plan_head "layout: device" >content/test/2567/plan.md

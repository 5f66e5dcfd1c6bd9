# the open-data metadata as a link to a file outside the content folder
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
ln -s /etc/hostname content/test/opendata.txt

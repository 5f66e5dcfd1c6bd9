# content/test/2567/plan.md is a link to /etc/passwd: refused, never read
mkdir -p content/test/2567
ln -s /etc/passwd content/test/2567/plan.md

# a 1 MB maintainer line in the open-data metadata, and a formula
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
{ printf 'owner_org: test-org\nmaintainer: '; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '\nmaintainer_email: =cmd\n'; } >content/test/opendata.txt

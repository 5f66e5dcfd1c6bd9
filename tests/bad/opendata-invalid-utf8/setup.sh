# open-data metadata saved in TIS-620
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf 'owner_org: test-org\nmaintainer: \xa1\xcd\xa7\xa1\xc5\xd2\xa7\n' >content/test/opendata.txt

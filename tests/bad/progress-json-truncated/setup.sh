# a progress JSON file cut off in the middle
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf '{\n  "fiscal_year": "๒๕๖๗",\n  "round": 6,\n  "rows": [\n    {"id": "1.1", "status": "เสร็จ' >content/test/2567/progress-6.json

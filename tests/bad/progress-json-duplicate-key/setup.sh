# a key given twice in a progress JSON row
mkdir -p content/test/2567
plan_head >content/test/2567/plan.md
printf '{\n  "fiscal_year": "๒๕๖๗",\n  "round": 6,\n  "rows": [\n    {"id": "1.1",\n     "id": "1"}\n  ]\n}\n' >content/test/2567/progress-6.json

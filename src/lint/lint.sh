#!/usr/bin/env bash
# Lints the process models in bpmn/ with bpmnlint: the recommended rules and
# Camunda Platform 7.24 compatibility (.bpmnlintrc). Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --silent --no-audit --no-fund >/dev/null
shopt -s nullglob
models=(../../bpmn/*.bpmn)
if [ ${#models[@]} -eq 0 ]; then
  echo "lint: no BPMN model under bpmn/" >&2
  exit 1
fi
npx --no-install bpmnlint "${models[@]}"
echo "bpmnlint: ${#models[@]} model(s) checked, no errors"

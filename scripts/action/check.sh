#!/usr/bin/env bash
# The check step of action.yml: runs `verbatim check --format sarif` on the transcripts that
# VERBATIM_FILES names (space-separated paths or globs; ** matches folders at any depth) and writes
# the log to VERBATIM_SARIF. Exit status 2 (bad usage, an unreadable file) or no transcript found
# fails the step at once; 0 or 1 (findings) is written to $GITHUB_OUTPUT as exit-code, so that the
# SARIF is uploaded before the action decides whether findings fail the job.
set -uo pipefail
shopt -s globstar nullglob
cli="${VERBATIM_CLI:?}"
sarif="${VERBATIM_SARIF:-verbatim.sarif}"
read -r -a patterns <<< "${VERBATIM_FILES:?}"
files=()
for pattern in "${patterns[@]}"; do
  for file in $pattern; do [ -f "$file" ] && files+=("$file"); done
done
if [ ${#files[@]} -eq 0 ]; then
  echo "verbatim: no transcript matches: ${VERBATIM_FILES}" >&2
  exit 2
fi
echo "verbatim: checking ${#files[@]} transcript(s)"
node "$cli" check --format sarif "${files[@]}" > "$sarif"
status=$?
node "$cli" check "${files[@]}" || true   # the findings in the log, readable
[ "$status" -eq 2 ] && exit 2
echo "exit-code=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0

#!/usr/bin/env bash
# Scores the extractor on every evaluation set that is on this machine: ../shared/eval/dev,
# ../shared/eval/dev-allsides (texts in .eval/dev-allsides) and the PolNeAR train silver set
# (.eval/polnear-train). See ../shared/README.md for how to generate the texts (never commit them).
# Extra arguments go to every scorer run (for example --verbose or --json).
set -uo pipefail
cd "$(dirname "$0")/../.."
score=../shared/eval/score.mjs
[ -f "$score" ] || { echo "score-all: $score not found (needs ../shared beside the project)" >&2; exit 2; }
batch='npx --no-install explainer extract --format jsonl {files}'
echo "== dev"
node "$score" --cmd "$batch" "$@" | grep "^articles"
if [ -d .eval/dev-allsides ]; then
  echo "== dev-allsides"
  node "$score" --gold ../shared/eval/dev-allsides --texts .eval/dev-allsides --cmd "$batch" "$@" | grep "^articles"
fi
if [ -d .eval/polnear-train ]; then
  echo "== polnear-train"
  node "$score" --gold .eval/polnear-train --cmd "$batch" "$@" | grep "^articles"
fi

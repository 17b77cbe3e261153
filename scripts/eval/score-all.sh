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
if [ -d .eval/dev-allsides ]; then
  # Both hand-made sets as one (the issue's targets are on the 26 articles together): gold files copied
  # with absolute article paths into a scratch folder.
  combined=.eval/dev-combined
  rm -rf "$combined" && mkdir -p "$combined"
  node -e '
    const fs = require("fs"), path = require("path");
    const [out, ...sets] = process.argv.slice(1);
    for (const [dir, texts] of sets.map((s) => s.split("="))) for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".gold.json"))) {
      const gold = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      const id = f.replace(/\.gold\.json$/, "");
      gold.article = gold.article ? path.resolve(dir, gold.article) : path.resolve(texts || dir, id + ".txt");
      fs.writeFileSync(path.join(out, f), JSON.stringify(gold));
    }' "$combined" ../shared/eval/dev= ../shared/eval/dev-allsides=.eval/dev-allsides
  echo "== dev + dev-allsides"
  node "$score" --gold "$combined" --cmd "$batch" "$@" | grep "^articles"
fi
if [ -d .eval/polnear-train ]; then
  echo "== polnear-train"
  node "$score" --gold .eval/polnear-train --cmd "$batch" "$@" | grep "^articles"
fi

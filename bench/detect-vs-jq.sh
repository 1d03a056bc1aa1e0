#!/usr/bin/env bash
# Times `posturescan detect --format jsonl` against jq and against zcat (the decompression floor)
# on the same generated CloudTrail corpus, in one run, and reports ratios and peak memory.
# Usage: bench/detect-vs-jq.sh [CORPUS_DIR]   (env: RECORDS=1000000 FILES=8)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-${TMPDIR:-/tmp}/posturescan-bench-corpus}
records=${RECORDS:-1000000}
files=${FILES:-8}

for tool in jq /usr/bin/time zcat; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get update && apt-get install -y jq time gzip" >&2; exit 2; }
done

dotnet build -c Release bench/PostureScan.Bench -nologo -v q >/dev/null
cli=${CLI:-$(bench/publish-cli.sh)}
if [ ! -f "$corpus/.records-$records-$files" ]; then
  rm -rf "$corpus"
  dotnet bench/PostureScan.Bench/bin/Release/net10.0/PostureScan.Bench.dll generate --out "$corpus" --records "$records" --files "$files"
  touch "$corpus/.records-$records-$files"
fi
inputs=("$corpus"/*.json.gz)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() { # name output-file command...
  local name=$1 output=$2; shift 2
  /usr/bin/time -o "$out/$name.time" -f "%e %M %U %S" "$@" > "$output"
  read -r wall rss user sys < "$out/$name.time"
  awk -v n="$name" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" \
    'BEGIN { printf "%-8s wall %7.2f s   cpu %7.2f s   peak RSS %7.1f MB\n", n, w, u + s, r / 1024 }'
  eval "${name}_wall=$wall; ${name}_rss=$rss; ${name}_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

uncompressed=$(zcat "${inputs[@]}" | wc -c)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates wall times; cpu times are steadier)"
echo "corpus: ${#inputs[@]} files, $records records, $((uncompressed / 1000000)) MB uncompressed, $(du -cm "${inputs[@]}" | tail -1 | cut -f1) MB gzip; $(nproc) cores"
measure zcat /dev/null zcat "${inputs[@]}"
measure detect "$out/detect.jsonl" dotnet "$cli" detect --format jsonl "${inputs[@]}" 2> "$out/detect.err"
measure jq "$out/jq.jsonl" bash -c 'zcat "$@" | jq -c ".Records[] | select(.eventName | test(\"TrafficMirror\"; \"i\"))"' _ "${inputs[@]}"

detect_count=$(wc -l < "$out/detect.jsonl")
jq_count=$(wc -l < "$out/jq.jsonl")
echo "matched: detect $detect_count, jq $jq_count"
[ "$detect_count" -eq "$jq_count" ] || { echo "detect and jq disagree" >&2; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v j="$jq_wall" -v d="$detect_wall" -v z="$zcat_wall" -v b="$uncompressed" 'BEGIN {
  printf "throughput: detect is %.1fx jq, %.2fx zcat (>= 1 means faster than zcat); detect %.0f MB/s uncompressed\n", j / d, z / d, b / 1e6 / d }'
awk -v j="$jq_cpu" -v d="$detect_cpu" -v z="$zcat_cpu" 'BEGIN {
  printf "cpu time: jq needs %.1fx the cpu of detect; zcat needs %.2fx (detect spreads its cpu over the cores)\n", j / d, z / d }'


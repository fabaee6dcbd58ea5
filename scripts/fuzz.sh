#!/usr/bin/env bash
# Nightly-style fuzzing (issue 18): the suite's fuzz test with many more mutants than CI's 2,500.
#   scripts/fuzz.sh                  50,000 mutants (about 20 minutes on 2 cores) of a seed taken from the date (printed)
#   scripts/fuzz.sh 200000           that many mutants
#   scripts/fuzz.sh 200000 12345     that many mutants of seed 12345
# A failure prints the seed and the mutant's index, saves the mutant under $TMPDIR/scrapelint-fuzz/ and gives the
# command that runs that mutant alone (SCRAPELINT_FUZZ_SEED=… SCRAPELINT_FUZZ_ONLY=…).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

export SCRAPELINT_FUZZ_MUTANTS="${1:-50000}"
export SCRAPELINT_FUZZ_SEED="${2:-$(date +%Y%m%d)}"
echo "fuzz: $SCRAPELINT_FUZZ_MUTANTS mutants, seed $SCRAPELINT_FUZZ_SEED"
dotnet test tests/ScrapeLint.Tests -c Release \
  --filter "FullyQualifiedName~ScrapeLint.Tests.Meta.FuzzTests" \
  --logger "console;verbosity=detailed"
